package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/**
 * The runs panel's state (the seed's Agent Progress): every run newest first, the selected one, and which
 * actions its status allows. Runs are immutable records, so a status change arrives as a replaced element;
 * the selection follows the run's id, not the record.
 */
public final class RunsViewModel {
    static final Set<RunStatus> CANCELLABLE = EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING, RunStatus.AWAITING_REVIEW);
    static final Set<RunStatus> RETRYABLE = EnumSet.of(RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.EXPIRED);

    private final ObservableList<Run> source;
    private final SortedList<Run> runs;
    private final RunRows rows;
    private final RunActions actions;
    private final Function<Run, String> segmentTitle;
    private final ReadOnlyObjectWrapper<Run> selected = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canCancelSelected = Bindings.createBooleanBinding(() -> canCancel(selected.get()), selected);
    private final BooleanBinding canRetrySelected = Bindings.createBooleanBinding(() -> canRetry(selected.get()), selected);
    private final BooleanBinding canReviewSelected = Bindings.createBooleanBinding(() -> canOpenReview(selected.get()), selected);
    private final BooleanBinding canMoveSelected = Bindings.createBooleanBinding(() -> canMoveToFront(selected.get()), selected);

    /**
     * @param source       kept up to date by the owner, on the FX thread
     * @param segmentTitle how a run's segment is named for people (the segment's title, say)
     */
    public RunsViewModel(ObservableList<Run> source, RunActions actions, Function<Run, String> segmentTitle) {
        this(source, FXCollections.observableArrayList(), id -> List.of(), actions, segmentTitle);
    }

    /**
     * @param batches  the batches in play, each shown as a card with its runs under it (issue 17)
     * @param runIdsOf a batch's run ids
     */
    public RunsViewModel(ObservableList<Run> source, ObservableList<Batch> batches, Function<String, List<String>> runIdsOf,
                         RunActions actions, Function<Run, String> segmentTitle) {
        this.rows = new RunRows(source, batches, runIdsOf);
        this.source = Objects.requireNonNull(source, "source");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.segmentTitle = Objects.requireNonNull(segmentTitle, "segmentTitle");
        this.runs = new SortedList<>(source, Run.NEWEST_FIRST);
        source.addListener((ListChangeListener<Run>) change -> followSelection());
    }

    public ObservableList<Run> runs() {
        return runs;
    }

    /** What the list shows: batch cards, the runs of the expanded ones under them, and every other run. */
    public ObservableList<RunsRow> rows() {
        return rows.shown();
    }

    public boolean isExpanded(String batchId) {
        return rows.isExpanded(batchId);
    }

    /** Shows or hides a batch's runs under its card; remembered while the window is open. */
    public void toggle(String batchId) {
        rows.setExpanded(batchId, !rows.isExpanded(batchId));
    }

    public ReadOnlyObjectProperty<Run> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public void select(Run run) {
        selected.set(run == null ? null : current(run.id()));
    }

    public static boolean canCancel(Run run) {
        return run != null && CANCELLABLE.contains(run.status());
    }

    public static boolean canRetry(Run run) {
        return run != null && RETRYABLE.contains(run.status());
    }

    public static boolean canOpenReview(Run run) {
        return run != null && run.status() == RunStatus.AWAITING_REVIEW && run.preview() != null;
    }

    public static boolean isInProgress(Run run) {
        return run != null && (run.status() == RunStatus.QUEUED || run.status() == RunStatus.RUNNING);
    }

    public BooleanBinding canCancelSelectedProperty() {
        return canCancelSelected;
    }

    public BooleanBinding canRetrySelectedProperty() {
        return canRetrySelected;
    }

    public BooleanBinding canOpenReviewSelectedProperty() {
        return canReviewSelected;
    }

    public BooleanBinding canMoveToFrontSelectedProperty() {
        return canMoveSelected;
    }

    /** Only a queued run waits for its turn. */
    public static boolean canMoveToFront(Run run) {
        return run != null && run.status() == RunStatus.QUEUED;
    }

    public void moveToFront(Run run) {
        Run now = current(run.id());
        if (canMoveToFront(now)) {
            actions.moveToFront(now);
        }
    }

    /** Acts on the run as it is now in the list; a stale row (already finished, say) does nothing. */
    public void cancel(Run run) {
        Run now = current(run.id());
        if (canCancel(now)) {
            actions.cancel(now);
        }
    }

    public void retry(Run run) {
        Run now = current(run.id());
        if (canRetry(now)) {
            actions.retry(now);
        }
    }

    public void openReview(Run run) {
        Run now = current(run.id());
        if (canOpenReview(now)) {
            actions.openReview(now);
        }
    }

    public String segmentTitle(Run run) {
        String title = segmentTitle.apply(run);
        return title == null || title.isBlank() ? run.segmentId() : title;
    }

    /** The resolved model once settings ran, else what the editor asked for. */
    public static String modelText(Run run) {
        if (run.settings() != null && run.settings().model() != null) {
            return run.settings().model();
        }
        return run.requestedModel() != null ? run.requestedModel() : "model from settings";
    }

    public static String lastMessage(Run run) {
        if (run.messages().isEmpty()) {
            return run.error() != null ? run.error() : "";
        }
        RunMessage last = run.messages().get(run.messages().size() - 1);
        return last.text();
    }

    public static String statusText(RunStatus status) {
        return switch (status) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case AWAITING_REVIEW -> "Awaiting review";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired";
        };
    }

    private Run current(String runId) {
        for (Run r : source) {
            if (r.id().equals(runId)) {
                return r;
            }
        }
        return null;
    }

    private void followSelection() {
        Run was = selected.get();
        if (was != null) {
            selected.set(current(was.id()));
        }
    }
}
