package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.RunStatus;
import dev.lectern.ui.common.AnswerAllQuestion;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.common.Tips;
import java.time.Instant;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** One batch at the top of the runs panel: its progress and time left, and its queue controls. */
final class BatchRow extends VBox {
    BatchRow(Batch b, Instant now, HumanTime time, BatchActions actions) {
        super(4);
        getStyleClass().add("batch-row");
        setId("batch-" + b.id());
        Label title = new Label("Batch of " + b.total() + " segment" + (b.total() == 1 ? "" : "s") + " · started " + time.format(b.createdAt()));
        title.getStyleClass().add("batch-title");
        ProgressBar bar = new ProgressBar(BatchText.progress(b));
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setAccessibleText(BatchText.summary(b, now));
        Label summary = new Label(BatchText.summary(b, now));
        summary.getStyleClass().add("batch-summary");
        summary.setWrapText(true);
        FlowPane buttons = new FlowPane(6, 6);
        int waiting = b.count(RunStatus.AWAITING_REVIEW);
        if (waiting > 0) {
            buttons.getChildren().add(button("Review", "mdmz-rate_review", "Open the oldest review waiting; each answer opens the next",
                    () -> actions.reviewNext(b)));
            buttons.getChildren().add(button("Accept All…", "mdal-done_all", "Accept every image waiting for review in this batch",
                    () -> confirmAll(b, waiting, true, actions)));
            buttons.getChildren().add(button("Reject All…", "mdal-clear_all", "Keep the current images of every segment waiting in this batch",
                    () -> confirmAll(b, waiting, false, actions)));
        }
        if (b.pending() > 0) {
            buttons.getChildren().add(b.paused()
                    ? button("Resume", "mdmz-play_arrow", "Let the queued runs start again", () -> actions.setPaused(b, false))
                    : button("Pause", "mdmz-pause", "Start no new run; the ones drawing now finish", () -> actions.setPaused(b, true)));
            buttons.getChildren().add(button("Cancel", "mdal-cancel", "Cancel the queued runs; images already made stay for review",
                    () -> actions.cancel(b)));
        }
        getChildren().addAll(title, bar, summary, buttons);
    }

    private Button button(String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.getStyleClass().add("small");
        b.setId("batch" + text.replaceAll("[^A-Za-z]", ""));
        Tips.setText(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void confirmAll(Batch b, int waiting, boolean accept, BatchActions actions) {
        if (AnswerAllQuestion.ask(getScene() == null ? null : getScene().getWindow(), waiting, accept)) {
            actions.answerAll(b, accept);
        }
    }
}
