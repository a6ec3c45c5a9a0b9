package dev.lectern.ui.runs;

import dev.lectern.lecture.Run;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.common.SpinClock;
import dev.lectern.ui.common.Tips;
import dev.lectern.ui.common.WorkingIndicator;
import java.time.Clock;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One row of the runs list: a batch's card ({@link BatchRow}), or one run, indented under its batch's card. A run:
 * badge, segment, a turning icon while it works, its last message, model and time; "Review" when it
 * waits. The Review button is built the first time the row needs it: twenty rows appearing at once are styled
 * in one pulse, and most rows never show it.
 */
final class RunCell extends ListCell<RunsRow> {
    private static final PseudoClass IN_BATCH = PseudoClass.getPseudoClass("in-batch");
    private static final PseudoClass CARD = PseudoClass.getPseudoClass("batch");
    private final RunsViewModel model;
    private final HumanTime time;
    private final StatusBadge badge = new StatusBadge();
    private final Label segment = new Label();
    private final WorkingIndicator working;
    private final HBox top;
    private Button review;
    private final Label message = new Label();
    private final Label meta = new Label();
    private final VBox root;
    private final BatchActions batchActions;
    private final Clock clock;

    RunCell(RunsViewModel model, HumanTime time, SpinClock spin, BatchActions batchActions, Clock clock) {
        this.model = model;
        this.time = time;
        this.batchActions = batchActions;
        this.clock = clock;
        this.working = new WorkingIndicator(spin);
        working.getStyleClass().add("run-working");
        segment.getStyleClass().add("run-segment");
        segment.setMaxWidth(Double.MAX_VALUE);
        segment.setMinWidth(0);
        HBox.setHgrow(segment, Priority.ALWAYS);
        working.managedProperty().bind(working.visibleProperty());
        top = new HBox(8, badge, segment, working);
        top.setAlignment(Pos.CENTER_LEFT);
        message.getStyleClass().add("run-message");
        meta.getStyleClass().add("run-meta");
        root = new VBox(3, top, message, meta);
        getStyleClass().add("run-cell");
        setPrefWidth(0); // let the list's width decide; long messages are cut with an ellipsis
    }

    /** The run this row shows, null for a batch's card or an empty row. */
    Run run() {
        return getItem() instanceof RunsRow.Line l ? l.run() : null;
    }

    @Override
    protected void updateItem(RunsRow row, boolean empty) {
        super.updateItem(row, empty);
        pseudoClassStateChanged(IN_BATCH, row instanceof RunsRow.Line l && l.inBatch());
        pseudoClassStateChanged(CARD, row instanceof RunsRow.Card);
        if (empty || !(row instanceof RunsRow.Line line)) {
            working.setVisible(false); // a hidden cell must not keep animating
            if (row instanceof RunsRow.Card c) {
                BatchRow card = new BatchRow(c.batch(), c.expanded(), clock.instant(), time, batchActions, () -> model.toggle(c.batch().id()));
                setGraphic(card);
                setAccessibleText(card.getAccessibleText());
            } else {
                setGraphic(null);
                setAccessibleText(null);
            }
            return;
        }
        Run run = line.run();
        badge.show(run.status());
        segment.setText(model.segmentTitle(run));
        working.setVisible(RunsViewModel.isInProgress(run));
        boolean canReview = RunsViewModel.canOpenReview(run);
        if (canReview && review == null) {
            review = reviewButton();
        }
        if (review != null) {
            review.setVisible(canReview);
        }
        message.setText(RunsViewModel.lastMessage(run));
        String outcome = run.reviewOutcome() == null ? "" : " · " + run.reviewOutcome().wireName();
        meta.setText(RunsViewModel.modelText(run) + " · " + time.format(run.createdAt()) + outcome);
        setAccessibleText(segment.getText() + ", " + RunsViewModel.statusText(run.status()) + ", " + message.getText());
        setGraphic(root);
    }

    private Button reviewButton() {
        Button button = new Button("Review", new FontIcon("mdmz-rate_review"));
        button.getStyleClass().addAll("small", "accent", "run-row-review");
        Tips.setText(button, "Compare the new image with the current one and accept or reject it");
        button.setAccessibleText("Open the review for this run");
        button.setMinWidth(Region.USE_PREF_SIZE); // a long segment title is cut, never the button
        button.managedProperty().bind(button.visibleProperty());
        button.setOnAction(e -> {
            if (run() != null) {
                model.openReview(run());
            }
        });
        top.getChildren().add(button);
        return button;
    }
}
