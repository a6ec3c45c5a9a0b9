package dev.lectern.ui.main;

import dev.lectern.app.RecentProjects;
import dev.lectern.app.StartupProject;
import dev.lectern.generation.SampleLecture;
import dev.lectern.storage.LectureImporter;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's state: which project is open, the start screen, recent projects. Services run off the FX thread. */
@Singleton
public final class MainViewModel {
    private final ProjectSession session;
    private final ProjectFiles projectFiles;
    private final StartupProject startupProject;
    private final RecentProjects recentProjects;
    private final SampleLecture sampleLecture;
    private final LectureImporter importer;
    private final Background background;

    private final ReadOnlyStringWrapper projectTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper startScreen = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Path> recent = FXCollections.observableArrayList();

    @Inject
    public MainViewModel(ProjectSession session, ProjectFiles projectFiles, StartupProject startupProject, RecentProjects recentProjects,
                         SampleLecture sampleLecture, LectureImporter importer, Background background) {
        this.session = session;
        this.projectFiles = projectFiles;
        this.startupProject = startupProject;
        this.recentProjects = recentProjects;
        this.sampleLecture = sampleLecture;
        this.importer = importer;
        this.background = background;
        session.projectProperty().addListener((obs, old, p) -> {
            String title = p == null ? "" : p.info().title();
            projectTitle.set(p == null ? "" : title == null || title.isBlank() ? p.info().file().getFileName().toString() : title);
            startScreen.set(p == null);
            refreshRecent();
        });
    }

    public ProjectSession session() {
        return session;
    }

    public ReadOnlyStringProperty projectTitleProperty() {
        return projectTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startScreenProperty() {
        return startScreen.getReadOnlyProperty();
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    /** The project asked for, else the last one, else the sample (made on first start). */
    public void openAtStartup(Optional<Path> requested, Consumer<Throwable> onError) {
        background.run(() -> startupProject.choose(requested), path -> open(path, onError), error -> {
            startScreen.set(true);
            onError.accept(error);
        });
    }

    public void open(Path file, Consumer<Throwable> onError) {
        session.open(file, error -> {
            startScreen.set(session.project() == null);
            refreshRecent();
            onError.accept(error);
        });
    }

    public void openSample(Consumer<Throwable> onError) {
        background.run(() -> startupProject.choose(Optional.empty()), path -> open(path, onError), onError);
    }

    /** Creates a project (with the sample lecture if asked) and opens it. */
    public void create(Path file, boolean withSample, Consumer<Throwable> onError) {
        String title = file.getFileName().toString().replaceFirst("\\.lectern$", "");
        background.run(() -> {
            projectFiles.create(file, withSample ? SampleLecture.TITLE : title, p -> {
                if (withSample) {
                    sampleLecture.addTo(p);
                }
            }).close();
            return file;
        }, created -> open(created, onError), onError);
    }

    /** Imports a web lecture record into the open project, then reopens it to show the result. */
    public void importLecture(Path record, Consumer<String> onDone, Consumer<Throwable> onError) {
        Project p = session.project();
        if (p == null) {
            return;
        }
        background.run(() -> importer.importFile(p, record), result -> {
            onDone.accept((result.replaced() ? "Replaced" : "Imported") + " lecture " + result.lectureId() + ": "
                    + result.segments() + " segments, " + result.imagesImported() + " images");
            session.showLecture(result.lectureId());
        }, onError);
    }

    public void close() {
        session.close();
        startScreen.set(true);
    }

    public void refreshRecent() {
        background.run(() -> recentProjects.list().stream().filter(Files::isRegularFile).toList(), (List<Path> list) -> recent.setAll(list), e -> { });
    }
}
