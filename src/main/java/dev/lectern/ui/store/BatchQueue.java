package dev.lectern.ui.store;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.QueueService;
import dev.lectern.generation.SegmentSelection;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The window's side of batches (issue 17): the batches still in play, counted in the project file off the FX
 * thread and counted again whenever a run changes, and the author's queue controls, which run on run threads.
 */
@Singleton
public final class BatchQueue {
    private final ProjectSession session;
    private final BatchService batches;
    private final Background background;
    private final QueueService queue;
    private final ObservableList<Batch> active = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper queuePaused = new ReadOnlyBooleanWrapper();
    /** The run ids of each batch listed; a batch's runs never change, so this only grows while the project is open. */
    private final Map<String, List<String>> members = new HashMap<>();
    private boolean loading;
    private boolean stale;

    @Inject
    public BatchQueue(ProjectSession session, BatchService batches, QueueService queue, Background background) {
        this.session = session;
        this.queue = queue;
        this.batches = batches;
        this.background = background;
        session.runs().addListener((ListChangeListener<Run>) c -> refresh());
        session.projectProperty().addListener((o, was, now) -> refresh());
        session.queueStampProperty().addListener((o, was, now) -> refresh()); // a pause changes no run
    }

    /** Batches with runs still queued, running or awaiting review, newest first. */
    public ObservableList<Batch> active() {
        return active;
    }

    /** The ids of a batch's runs, once {@link #active} has listed it; none before. */
    public List<String> runIdsOf(String batchId) {
        return members.getOrDefault(batchId, List.of());
    }

    /** The segments of the lecture shown that {@code selection} chooses, as one batch, each with the settings it resolves to. */
    public void regenerate(SegmentSelection selection) {
        Project p = session.project();
        Lecture l = session.store().lectureProperty().get();
        if (p != null && l != null) {
            session.inRunThread(() -> batches.drive(p, batches.start(p, l.id(), selection, null, null).id()));
        }
    }

    /** Pausing holds the queued runs (a running call finishes); resuming drives them again. */
    public void setPaused(Batch batch, boolean paused) {
        Project p = session.project();
        if (p != null) {
            session.inRunThread(() -> {
                if (paused) {
                    batches.pause(p, batch.id());
                } else {
                    batches.drive(p, batches.resume(p, batch.id()).id());
                }
                return null;
            });
        }
    }

    /** Whether the whole queue is paused, as last read from the file (re-read on every pause or resume, a terminal's too). */
    public ReadOnlyBooleanProperty queuePausedProperty() {
        return queuePaused.getReadOnlyProperty();
    }

    /** Pausing the queue holds every queued run (a running call finishes); resuming drives them all again. */
    public void setQueuePaused(boolean paused) {
        Project p = session.project();
        if (p != null) {
            queuePaused.set(paused); // at once, so the toggle does not flicker back; the read below confirms it
            session.inRunThread(() -> {
                if (paused) {
                    queue.pause(p);
                } else {
                    queue.resume(p);
                    queue.driveQueued(p);
                }
                return null;
            });
        }
    }

    /** A queued run, or a batch's queued runs, ahead of every other: the next free slots of their providers. */
    public void moveToFront(String runOrBatchId) {
        Project p = session.project();
        if (p != null) {
            session.inRunThread(() -> queue.moveToFront(p, runOrBatchId));
        }
    }

    public void cancel(Batch batch) {
        Project p = session.project();
        if (p != null) {
            session.inRunThread(() -> batches.cancel(p, batch.id()));
        }
    }

    /** Accepts or rejects every run of the batch awaiting review; the window follows on the completion events. */
    public void reviewAll(Batch batch, ReviewOutcome outcome) {
        Project p = session.project();
        if (p != null) {
            session.inRunThread(() -> batches.reviewAll(p, batch.id(), outcome));
        }
    }

    private record Loaded(List<Batch> batches, Map<String, List<String>> runIds, boolean queuePaused) {
    }

    /** One read at a time, and one more if runs changed meanwhile. */
    private void refresh() {
        Project p = session.project();
        if (p == null) {
            active.clear();
            members.clear();
            queuePaused.set(false);
            return;
        }
        if (loading) {
            stale = true;
            return;
        }
        loading = true;
        background.run(() -> {
            List<Batch> list = p.batches().list().stream().filter(b -> b.pending() > 0 || b.count(RunStatus.AWAITING_REVIEW) > 0).toList();
            Map<String, List<String>> runIds = new HashMap<>();
            list.forEach(b -> runIds.put(b.id(), p.batches().runIds(b.id())));
            return new Loaded(list, runIds, p.queue().paused());
        }, loaded -> {
            loading = false;
            if (p == session.project()) {
                queuePaused.set(loaded.queuePaused());
            }
            if (p == session.project() && !active.equals(loaded.batches())) {
                members.putAll(loaded.runIds()); // before the list changes: its listeners ask for them
                active.setAll(loaded.batches()); // only a real change redraws the cards, so a button never moves under the pointer
            }
            if (stale) {
                stale = false;
                refresh();
            }
        }, error -> loading = false);
    }
}
