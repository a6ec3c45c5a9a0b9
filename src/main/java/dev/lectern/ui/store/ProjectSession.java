package dev.lectern.ui.store;

import dev.lectern.app.RecentProjects;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.RunArchiver;
import dev.lectern.generation.RunService;
import dev.lectern.generation.WorkflowEvent;
import dev.lectern.generation.WorkflowEvents;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.LectureSummary;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open project as the window sees it: the {@link LectureStore}, the runs, and the workflow's events
 * marshalled onto the FX thread. All disk and network work happens off the FX thread.
 */
@Singleton
public final class ProjectSession {
    /** Finished runs shown on opening, newest first ({@link FirstView}), and read at a time by "Show Older Runs". */
    public static final int RECENT_RUNS = 200;
    private final ProjectFiles projectFiles;
    private final RunService runService;
    private final LectureStore store;
    private final Background background;
    private final RunExecutor runExecutor;
    private final RecentProjects recentProjects;

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<LectureSummary> lectures = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper versionsStamp = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper queueStamp = new ReadOnlyLongWrapper();
    private final OlderRunPages older;
    private Consumer<Run> onPreviewReady = r -> { };
    private Consumer<Throwable> onError = e -> { };
    private final Queue<WorkflowEvent> pendingEvents = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean deliveryPosted = new AtomicBoolean();
    private final ControlWatcher controlWatcher;
    private final RunArchiver archiver;

    @Inject
    public ProjectSession(ProjectFiles projectFiles, RunService runService, WorkflowEvents events, LectureStore store,
                          Background background, RunExecutor runExecutor, RecentProjects recentProjects, ControlWatcher controlWatcher,
                          RunArchiver archiver) {
        this.projectFiles = projectFiles;
        this.controlWatcher = controlWatcher;
        this.archiver = archiver;
        this.runService = runService;
        this.store = store;
        this.background = background;
        this.runExecutor = runExecutor;
        this.recentProjects = recentProjects;
        this.older = new OlderRunPages(background, runs, project::get, e -> onError.accept(e));
        events.subscribe(this::deliver);
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    public ObservableList<Run> runs() {
        return runs;
    }

    public ObservableList<LectureSummary> lectures() {
        return lectures;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Goes up whenever some segment's image history may have changed (a candidate, a review, a restore, a prune). */
    public ReadOnlyLongProperty versionsStampProperty() {
        return versionsStamp.getReadOnlyProperty();
    }

    /** Whether the file holds runs older than those shown: "Show Older Runs". */
    public ReadOnlyBooleanProperty olderRunsProperty() {
        return older.availableProperty();
    }

    /** Whether the older runs still to show are archived ones: every live run is shown. */
    public ReadOnlyBooleanProperty olderRunsArchivedProperty() {
        return older.archivedProperty();
    }

    /** Reads the next page of older runs off the FX thread and adds them under the others. */
    public void showOlderRuns() {
        older.showMore();
    }

    /** Goes up when a pause or resume of the queue or a batch was saved, by this window or another process. */
    public ReadOnlyLongProperty queueStampProperty() {
        return queueStamp.getReadOnlyProperty();
    }

    public LectureStore store() {
        return store;
    }

    /** Called with a run whose preview is ready (stored, and its wait persisted). */
    public void setOnPreviewReady(Consumer<Run> handler) {
        this.onPreviewReady = handler;
    }

    /** Where errors a person should see go (the view shows them in a dialog). */
    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /** Opens {@code file}, shows its first lecture, then resumes what a previous session left unfinished. */
    public void open(Path file, Consumer<Throwable> onFailure) {
        status.set("Opening " + file.getFileName() + "…");
        background.run(() -> {
            Project opened = projectFiles.open(file, Access.READ_WRITE_OR_READ_ONLY);
            try {
                FirstView view = FirstView.read(opened, archiver);
                recentProjects.remember(file);
                // a 'lectern cancel' or 'pause' from a terminal reaches this window's runs (decision 0020)
                opened.onClose(controlWatcher.watch(opened));
                return new Opened(opened, view);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            Project previous = project.get();
            if (previous != null) {
                background.run(() -> {
                    previous.close();
                    return null;
                }, x -> { }, onError);
            }
            project.set(opened.project());
            lectures.setAll(opened.view().lectures());
            if (opened.view().lecture() != null) {
                store.show(opened.project(), opened.view().lecture(), opened.view().drafts());
            } else {
                store.clear();
            }
            runs.setAll(opened.view().runs());
            older.reset(opened.project(), opened.view().runs());
            status.set(describe(opened.project()));
            if (!opened.project().info().readOnly()) {
                inRunThread(() -> runService.resume(opened.project()));
            }
        }, error -> {
            status.set("Could not open " + file.getFileName());
            onFailure.accept(error);
        });
    }

    /** Shows a lecture of the open project (after an import, or chosen in the window), re-reading the lecture list. */
    public void showLecture(String lectureId) {
        Project p = project.get();
        if (p == null) {
            return;
        }
        background.run(() -> new FirstView(p.lectures().list(), p.lectures().load(lectureId).orElseThrow(), p.drafts().load(lectureId), List.of()),
                view -> {
                    lectures.setAll(view.lectures());
                    store.show(p, view.lecture(), view.drafts());
                }, onError);
    }

    /** Seed §5.1 from the editor: the segment's draft prompt and model (or the priority chain) in a new run. */
    public void regenerate(String segmentId) {
        regenerate(segmentId, null);
    }

    /**
     * @param candidates how many images to draw, null for the project's {@code image.candidates}; a seed recalled
     *                   into the draft ("Use these settings") is the first image's seed
     */
    public void regenerate(String segmentId, Integer candidates) {
        Project p = project.get();
        Lecture l = store.lectureProperty().get();
        if (p == null || l == null) {
            return;
        }
        String prompt = store.effectivePrompt(segmentId);
        String model = store.editorModel(segmentId);
        Long seed = store.draft(segmentId).seed();
        inRunThread(() -> runService.regenerate(p, l.id() + "/" + segmentId, prompt, model, candidates, seed));
    }

    /**
     * The author's own image file for a segment, checked like an import's, into the same review as a regeneration.
     * A file that fails a check goes to {@code onRefused} (on the FX thread) and changes nothing.
     */
    public void useImage(String segmentId, Path file, Consumer<Throwable> onRefused) {
        Project p = project.get();
        Lecture l = store.lectureProperty().get();
        if (p != null && l != null) {
            inRunThread(() -> runService.useImage(p, l.id() + "/" + segmentId, file), onRefused);
        }
    }

    /** Repeats a run: same segment, same prompt and model. */
    public void retry(Run run) {
        Project p = project.get();
        if (p != null) {
            String prompt = run.settings() != null ? run.settings().prompt() : run.requestedPrompt();
            inRunThread(() -> runService.regenerate(p, run.lectureId() + "/" + run.segmentId(), prompt, run.requestedModel()));
        }
    }

    /**
     * The author's answer. On accept the segment shows the new prompt and model at once (seed §3.2); its image
     * changes only when the completion event arrives (§7.1).
     */
    public void review(Run run, ReviewOutcome outcome) {
        review(run, outcome, null);
    }

    /** @param candidate the candidate an accept takes; null when the run has one image left */
    public void review(Run run, ReviewOutcome outcome, Integer candidate) {
        Project p = project.get();
        if (p == null) {
            return;
        }
        if (outcome == ReviewOutcome.ACCEPTED && run.settings() != null) {
            store.applyAssetUpdate(run.segmentId(), run.settings().prompt(), run.settings().model());
        }
        inRunThread(() -> runService.review(p, run.id(), run.segmentId(), outcome, candidate));
    }

    /** The author threw one candidate away in the review; the review stays open on the others. */
    public void discard(Run run, int candidate) {
        Project p = project.get();
        if (p != null) {
            inRunThread(() -> runService.discard(p, run.id(), run.segmentId(), candidate));
        }
    }

    public void cancel(Run run) {
        Project p = project.get();
        if (p != null) {
            inRunThread(() -> runService.cancel(p, run.id()));
        }
    }

    /** Releases the project (its lock) after saving drafts. Blocks briefly: called when the window closes. */
    public void close() {
        store.flush();
        closeQuietly();
        store.clear();
        runs.clear();
        lectures.clear();
    }

    /**
     * From a run thread: queues the event for the FX thread. One hand-over carries every event that arrives
     * before the FX thread gets to it, so twenty runs starting at once change the runs list once, not a hundred
     * times (decision 0014).
     */
    private void deliver(WorkflowEvent event) {
        pendingEvents.add(event);
        if (deliveryPosted.compareAndSet(false, true)) {
            Platform.runLater(this::onEvents);
        }
    }

    private void onEvents() {
        deliveryPosted.set(false); // before draining: an event queued from here on posts a new hand-over
        List<WorkflowEvent> batch = new ArrayList<>();
        for (WorkflowEvent e = pendingEvents.poll(); e != null; e = pendingEvents.poll()) {
            batch.add(e);
        }
        showLatest(batch);
        boolean versionsChanged = false;
        boolean queueChanged = false;
        for (WorkflowEvent event : batch) {
            if (event instanceof WorkflowEvent.QueueChanged) {
                queueChanged = true;
                continue;
            }
            if (event instanceof WorkflowEvent.PreviewReady ready) {
                onPreviewReady.accept(ready.run());
            } else if (event instanceof WorkflowEvent.Completed done && done.run().reviewOutcome() == ReviewOutcome.ACCEPTED) {
                refreshIfShown(done.run().lectureId());
            } else if (event instanceof WorkflowEvent.ImageCommitted committed) {
                refreshIfShown(committed.lectureId());
            }
            // A new candidate, an answered review, a restore or a prune: some segment's history has changed.
            versionsChanged |= !(event instanceof WorkflowEvent.StatusChanged s) || !s.run().candidates().isEmpty();
        }
        if (versionsChanged) {
            versionsStamp.set(versionsStamp.get() + 1);
        }
        if (queueChanged) {
            queueStamp.set(queueStamp.get() + 1);
        }
    }

    private void refreshIfShown(String lectureId) {
        Lecture shown = store.lectureProperty().get();
        if (shown != null && shown.id().equals(lectureId)) {
            store.refreshLecture(onError);
        }
    }

    /** Each run of the batch in its latest state, in one list change per known run; new runs go on top, newest first. */
    private void showLatest(List<WorkflowEvent> batch) {
        Map<String, Run> latest = new LinkedHashMap<>();
        batch.forEach(e -> {
            if (e instanceof WorkflowEvent.RunEvent r) {
                latest.put(r.run().id(), r.run());
            }
        });
        List<Run> added = new ArrayList<>();
        for (Run run : latest.values()) {
            int at = indexOfRun(run.id());
            if (at >= 0) {
                runs.set(at, run);
            } else {
                added.add(0, run);
            }
        }
        runs.addAll(0, added);
    }

    private int indexOfRun(String runId) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    /** Runs {@code work} on a run thread; a failure reaches the window's error handler. For this package's services. */
    void inRunThread(Callable<?> work) {
        inRunThread(work, e -> onError.accept(e));
    }

    private void inRunThread(Callable<?> work, Consumer<Throwable> onFailure) {
        runExecutor.execute(() -> {
            try {
                work.call();
            } catch (Exception e) {
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    private void closeQuietly() {
        Project p = project.get();
        project.set(null);
        if (p != null) {
            p.close();
        }
    }

    private static String describe(Project p) {
        return p.info().file() + (p.info().readOnly() ? " · read-only: " + p.info().readOnlyReason() : "");
    }

    private record Opened(Project project, FirstView view) {
    }
}
