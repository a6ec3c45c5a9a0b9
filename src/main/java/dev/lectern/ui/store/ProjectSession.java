package dev.lectern.ui.store;

import dev.lectern.app.RecentProjects;
import dev.lectern.generation.RunService;
import dev.lectern.generation.WorkflowEvent;
import dev.lectern.generation.WorkflowEvents;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.LectureSummary;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.SegmentDraft;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
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
    private Consumer<Run> onPreviewReady = r -> { };
    private Consumer<Throwable> onError = e -> { };

    @Inject
    public ProjectSession(ProjectFiles projectFiles, RunService runService, WorkflowEvents events, LectureStore store,
                          Background background, RunExecutor runExecutor, RecentProjects recentProjects) {
        this.projectFiles = projectFiles;
        this.runService = runService;
        this.store = store;
        this.background = background;
        this.runExecutor = runExecutor;
        this.recentProjects = recentProjects;
        events.subscribe(e -> Platform.runLater(() -> onEvent(e)));
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
                List<LectureSummary> summaries = opened.lectures().list();
                Lecture first = summaries.isEmpty() ? null : opened.lectures().load(summaries.get(0).id()).orElse(null);
                Map<String, SegmentDraft> drafts = first == null ? Map.of() : opened.drafts().load(first.id());
                recentProjects.remember(file);
                return new Opened(opened, summaries, first, drafts, opened.runs().list());
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
            lectures.setAll(opened.lectures());
            if (opened.lecture() != null) {
                store.show(opened.project(), opened.lecture(), opened.drafts());
            } else {
                store.clear();
            }
            runs.setAll(opened.runs());
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
        background.run(() -> new Opened(p, p.lectures().list(), p.lectures().load(lectureId).orElseThrow(), p.drafts().load(lectureId), List.of()),
                opened -> {
                    lectures.setAll(opened.lectures());
                    store.show(p, opened.lecture(), opened.drafts());
                }, onError);
    }

    /** Seed §5.1 from the editor: the segment's draft prompt and model (or the priority chain) in a new run. */
    public void regenerate(String segmentId) {
        Project p = project.get();
        Lecture l = store.lectureProperty().get();
        if (p == null || l == null) {
            return;
        }
        String prompt = store.effectivePrompt(segmentId);
        String model = store.editorModel(segmentId);
        inRunThread(() -> runService.regenerate(p, l.id() + "/" + segmentId, prompt, model));
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
        Project p = project.get();
        if (p == null) {
            return;
        }
        if (outcome == ReviewOutcome.ACCEPTED && run.settings() != null) {
            store.applyAssetUpdate(run.segmentId(), run.settings().prompt(), run.settings().model());
        }
        inRunThread(() -> runService.review(p, run.id(), run.segmentId(), outcome));
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

    private void onEvent(WorkflowEvent event) {
        Run run = event.run();
        replaceRun(run);
        if (event instanceof WorkflowEvent.PreviewReady) {
            onPreviewReady.accept(run);
        } else if (event instanceof WorkflowEvent.Completed && run.reviewOutcome() == ReviewOutcome.ACCEPTED
                && store.lectureProperty().get() != null && store.lectureProperty().get().id().equals(run.lectureId())) {
            store.refreshLecture(onError);
        }
    }

    private void replaceRun(Run run) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).id().equals(run.id())) {
                runs.set(i, run);
                return;
            }
        }
        runs.add(0, run);
    }

    private void inRunThread(Callable<?> work) {
        runExecutor.execute(() -> {
            try {
                work.call();
            } catch (Exception e) {
                Platform.runLater(() -> onError.accept(e));
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

    private record Opened(Project project, List<LectureSummary> lectures, Lecture lecture, Map<String, SegmentDraft> drafts, List<Run> runs) {
    }
}
