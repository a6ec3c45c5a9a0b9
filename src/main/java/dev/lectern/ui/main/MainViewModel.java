package dev.lectern.ui.main;

import dev.lectern.app.RecentProjects;
import dev.lectern.app.StartupProject;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's state. The only caller of services for it; every call goes through {@link Background}. */
@Singleton
public final class MainViewModel {
    private final ProjectFiles projectFiles;
    private final StartupProject startupProject;
    private final RecentProjects recentProjects;
    private final Background background;

    private final ObservableList<SegmentItem> segments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper projectTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Opening…");
    private volatile Project project;

    @Inject
    public MainViewModel(ProjectFiles projectFiles, StartupProject startupProject, RecentProjects recentProjects, Background background) {
        this.projectFiles = projectFiles;
        this.startupProject = startupProject;
        this.recentProjects = recentProjects;
        this.background = background;
    }

    public ObservableList<SegmentItem> segments() {
        return segments;
    }

    public ReadOnlyStringProperty projectTitleProperty() {
        return projectTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Project project() {
        return project;
    }

    public void openAtStartup(Optional<Path> requested, Consumer<Throwable> onError) {
        status.set("Opening…");
        background.run(() -> startupProject.choose(requested), path -> open(path, onError), onError);
    }

    public void open(Path file, Consumer<Throwable> onError) {
        status.set("Opening " + file.getFileName() + "…");
        background.run(() -> {
            Project opened = projectFiles.open(file, Access.READ_WRITE_OR_READ_ONLY);
            List<LectureSegment> rows = opened.lectures().allSegments();
            recentProjects.remember(file);
            return new Opened(opened, rows);
        }, opened -> {
            Project previous = project;
            project = opened.project();
            if (previous != null) {
                background.run(() -> {
                    previous.close();
                    return null;
                }, x -> { }, onError);
            }
            segments.setAll(opened.rows().stream().map(r -> new SegmentItem(r.lectureId(), r.video())).toList());
            String title = project.info().title();
            projectTitle.set(title == null || title.isBlank() ? file.getFileName().toString() : title);
            status.set(segments.size() + " segments · " + file + (project.info().readOnly() ? " · read-only (open elsewhere)" : ""));
        }, error -> {
            status.set("Could not open " + file.getFileName());
            onError.accept(error);
        });
    }

    /** Called once at exit; releases the project's lock. */
    public void close() {
        Project p = project;
        project = null;
        if (p != null) {
            p.close();
        }
    }

    private record Opened(Project project, List<LectureSegment> rows) {
    }
}
