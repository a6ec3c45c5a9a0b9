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
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A batch's card, one row of the runs list (the same fixed height as a run's, decision 0013): a chevron that shows
 * or hides its runs under it, its progress and time left, and its queue controls.
 */
final class BatchRow extends VBox {
    BatchRow(Batch b, boolean expanded, Instant now, HumanTime time, BatchActions actions, Runnable toggle) {
        super(3);
        getStyleClass().add("batch-row");
        setId("batch-" + b.id());
        Button chevron = new Button(null, new FontIcon(expanded ? "mdal-expand_more" : "mdal-chevron_right"));
        chevron.getStyleClass().addAll("flat", "batch-chevron");
        chevron.setId("batchChevron");
        chevron.setAccessibleText((expanded ? "Hide" : "Show") + " the runs of this batch");
        Tips.setText(chevron, (expanded ? "Hide" : "Show") + " this batch's runs");
        chevron.setOnAction(e -> toggle.run());
        Label title = new Label("Batch of " + b.total() + " segment" + (b.total() == 1 ? "" : "s") + " · " + time.format(b.createdAt()));
        title.getStyleClass().add("batch-title");
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        ProgressBar bar = new ProgressBar(BatchText.progress(b));
        bar.getStyleClass().add("batch-progress");
        bar.setAccessibleText(BatchText.summary(b, now, actions.queuePausedProperty().get()));
        HBox top = new HBox(6, chevron, title, bar);
        top.setAlignment(Pos.CENTER_LEFT);
        Label summary = new Label(BatchText.summary(b, now, actions.queuePausedProperty().get()));
        summary.getStyleClass().add("batch-summary");
        HBox buttons = new HBox(6);
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
            Button front = button(null, "mdmz-vertical_align_top", "Move this batch to the front: its queued runs take the next free slots",
                    () -> actions.moveToFront(b));
            front.setId("batchFront");
            front.setAccessibleText("Move this batch to the front of the queue");
            buttons.getChildren().add(front);
        }
        getChildren().addAll(top, summary, buttons);
        setAccessibleText(title.getText() + ", " + summary.getText() + (expanded ? ", runs shown" : ", runs hidden"));
    }

    private Button button(String text, String icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.getStyleClass().addAll("small", "batch-button");
        if (text != null) {
            b.setId("batch" + text.replaceAll("[^A-Za-z]", ""));
        }
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
