package dev.lectern.ui.runs;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.common.ListWarmUp;
import dev.lectern.ui.common.SpinClock;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import dev.lectern.ui.common.Tips;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import org.kordamp.ikonli.javafx.FontIcon;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** Binds RunsPanel.fxml to a {@link RunsViewModel}: the run list, and the selected run's details and actions. */
public final class RunsPanelView {
    private final HumanTime time;
    private final SpinClock spin = new SpinClock();
    private RunsViewModel model;
    private BatchActions batchActions = BatchActions.NONE;

    @FXML private ListView<RunsRow> runList;
    @FXML private Label runsEmpty;
    @FXML private VBox runDetails;
    @FXML private StatusBadge detailBadge;
    @FXML private Label detailTitle;
    @FXML private Label detailMeta;
    @FXML private Label detailError;
    @FXML private Button openReviewButton;
    @FXML private Button cancelRunButton;
    @FXML private Button retryRunButton;
    @FXML private Button frontRunButton;
    @FXML private Button queueToggle;
    @FXML private Label queueBanner;
    @FXML private Button olderRunsButton;
    @FXML private ListView<RunMessage> runMessages;

    private final Clock clock;

    @Inject
    public RunsPanelView(HumanTime time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    @FXML
    private void initialize() {
        runList.setPlaceholder(runsEmpty);
        runMessages.setCellFactory(list -> new MessageCell());
        runMessages.setFocusTraversable(false);
    }

    /** Called once, right after loading, by {@link RunsPanel}. */
    void bind(RunsViewModel viewModel, BatchActions batchActions, OlderRuns older) {
        this.model = viewModel;
        runList.setItems(model.rows());
        runList.setCellFactory(list -> new RunCell(model, time, spin, batchActions, clock));
        // The list's selection only reports the user's choice; the view-model's selection is the truth, so a
        // replaced row (a status change) or a re-sort never loses it. A batch's card may be selected in the list
        // (to open it with Enter); it selects no run.
        runList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now instanceof RunsRow.Line l) {
                model.select(l.run());
            }
        });
        model.rows().addListener((ListChangeListener<RunsRow>) change -> showSelectionInList());
        model.selectedProperty().addListener((o, was, now) -> {
            showSelectionInList();
            showDetails(now);
        });
        runList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open(runList.getSelectionModel().getSelectedItem());
            }
        });
        runList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(runList.getSelectionModel().getSelectedItem());
            }
        });
        runDetails.visibleProperty().bind(model.selectedProperty().isNotNull());
        runDetails.managedProperty().bind(runDetails.visibleProperty());
        openReviewButton.disableProperty().bind(model.canOpenReviewSelectedProperty().not());
        cancelRunButton.disableProperty().bind(model.canCancelSelectedProperty().not());
        retryRunButton.disableProperty().bind(model.canRetrySelectedProperty().not());
        frontRunButton.disableProperty().bind(model.canMoveToFrontSelectedProperty().not());
        frontRunButton.visibleProperty().bind(model.canMoveToFrontSelectedProperty());
        frontRunButton.managedProperty().bind(frontRunButton.visibleProperty());
        this.batchActions = batchActions;
        bindQueueToggle(batchActions.queuePausedProperty());
        olderRunsButton.visibleProperty().bind(older.availableProperty());
        olderRunsButton.managedProperty().bind(olderRunsButton.visibleProperty());
        olderRunsButton.setOnAction(e -> older.showMore());
        // past the live runs, the same button goes on into the archived ones (decision 0026)
        olderRunsButton.textProperty().bind(Bindings.when(older.archivedProperty()).then("Show Archived Runs").otherwise("Show Older Runs"));
        olderRunsButton.accessibleTextProperty().bind(Bindings.when(older.archivedProperty())
                .then("Show the next 200 archived runs").otherwise("Show the next 200 older runs"));
        showDetails(model.selectedProperty().get());
    }

    /** The header's toggle and the banner follow the file's pause, whoever set it. */
    private void bindQueueToggle(ReadOnlyBooleanProperty paused) {
        queueToggle.textProperty().bind(Bindings.when(paused).then("Resume Queue").otherwise("Pause Queue"));
        queueToggle.accessibleTextProperty().bind(Bindings.when(paused).then("Resume the queue: the queued runs start again")
                .otherwise("Pause the whole queue: nothing new starts, drawing runs finish"));
        queueToggle.graphicProperty().bind(Bindings.when(paused).then((Node) new FontIcon("mdmz-play_arrow"))
                .otherwise((Node) new FontIcon("mdmz-pause")));
        Tips.setText(queueToggle, "Pause every regeneration: nothing new starts, the ones drawing now finish. Kept in the file across restarts.");
        queueBanner.visibleProperty().bind(paused);
        queueBanner.managedProperty().bind(paused);
        stressPaused(paused.get());
        paused.addListener((o, was, now) -> {
            stressPaused(now);
            runList.refresh(); // the batch cards say what holds them
        });
    }

    /** While paused, the one way out of the pause stands out. */
    private void stressPaused(boolean paused) {
        queueToggle.getStyleClass().remove("accent");
        if (paused) {
            queueToggle.getStyleClass().add("accent");
        }
    }

    @FXML
    private void toggleQueue() {
        batchActions.setQueuePaused(!batchActions.queuePausedProperty().get());
    }

    /** Enter or a double-click: a run opens its review, a batch's card shows or hides its runs. */
    private void open(RunsRow row) {
        if (row instanceof RunsRow.Line l) {
            model.openReview(l.run());
        } else if (row instanceof RunsRow.Card c) {
            model.toggle(c.batch().id());
        }
    }

    /** An off-screen run through rows like the run list's, to start once the window is up (decision 0015). */
    public ListWarmUp<RunsRow> rowsWarmUp() {
        return RunListWarmUp.of(runList, time);
    }

    /** The selected run's row, when it is shown (a collapsed batch hides it; its details stay). */
    private void showSelectionInList() {
        Run selected = model.selectedProperty().get();
        RunsRow inList = runList.getSelectionModel().getSelectedItem();
        if (selected == null) {
            if (inList instanceof RunsRow.Line) {
                runList.getSelectionModel().clearSelection();
            }
            return;
        }
        if (inList instanceof RunsRow.Line l && l.run() == selected) {
            return;
        }
        List<RunsRow> rows = model.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof RunsRow.Line l && l.run().id().equals(selected.id())) {
                runList.getSelectionModel().select(i);
                return;
            }
        }
        runList.getSelectionModel().clearSelection();
    }

    private void showDetails(Run run) {
        if (run == null) {
            runMessages.getItems().clear();
            return;
        }
        detailBadge.show(run.status());
        detailTitle.setText(model.segmentTitle(run));
        String source = run.settings() != null && run.settings().modelSource() != null
                ? " (" + run.settings().modelSource().description() + ")" : "";
        String outcome = run.reviewOutcome() == null ? "" : " · " + run.reviewOutcome().wireName();
        detailMeta.setText(RunsViewModel.modelText(run) + source + " · started " + time.format(run.createdAt())
                + outcome + " · run " + run.id());
        detailError.setText(run.error() == null ? "" : run.error());
        detailError.setVisible(run.error() != null);
        detailError.setManaged(run.error() != null);
        runMessages.getItems().setAll(run.messages());
        if (!run.messages().isEmpty()) {
            runMessages.scrollTo(run.messages().size() - 1);
        }
    }

    @FXML
    private void openReview() {
        act(model::openReview);
    }

    @FXML
    private void cancelRun() {
        act(model::cancel);
    }

    @FXML
    private void moveRunToFront() {
        act(model::moveToFront);
    }

    @FXML
    private void retryRun() {
        act(model::retry);
    }

    private void act(Consumer<Run> action) {
        Run run = model.selectedProperty().get();
        if (run != null) {
            action.accept(run);
        }
    }

    /** "14:05:03  Image generated (1024×576)", wrapped, so a long error is readable in full. */
    private final class MessageCell extends ListCell<RunMessage> {
        MessageCell() {
            setWrapText(true);
            setPrefWidth(0);
            getStyleClass().add("run-message-cell");
        }

        @Override
        protected void updateItem(RunMessage message, boolean empty) {
            super.updateItem(message, empty);
            setText(empty || message == null ? null : time.clockTime(message.at()) + "  " + message.text());
        }
    }
}
