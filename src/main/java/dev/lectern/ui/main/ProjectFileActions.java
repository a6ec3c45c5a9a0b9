package dev.lectern.ui.main;

import dev.lectern.ui.common.Dialogs;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File ▸ New, Open, Open Recent and Import, and the start screen's same buttons: a file chooser, then the view-model. */
public final class ProjectFileActions {
    private final MainViewModel model;
    private final Dialogs dialogs;

    @Inject
    public ProjectFileActions(MainViewModel model, Dialogs dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    void open(Window owner) {
        File chosen = projectChooser("Open a Lectern project").showOpenDialog(owner);
        if (chosen != null) {
            open(owner, chosen.toPath());
        }
    }

    void open(Window owner, Path file) {
        model.open(file, error -> showOpenError(owner, error));
    }

    void openSample(Window owner) {
        model.openSample(error -> showOpenError(owner, error));
    }

    /** A new project, empty or the sample; the name gets {@code .lectern} if the author left it off. */
    void create(Window owner, boolean sample) {
        FileChooser chooser = projectChooser(sample ? "Create a sample project" : "Create a Lectern project");
        chooser.setInitialFileName(sample ? "Sample Lecture.lectern" : "Untitled.lectern");
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            Path file = chosen.toPath().toString().endsWith(".lectern") ? chosen.toPath() : Path.of(chosen + ".lectern");
            model.create(file, sample, error -> showOpenError(owner, error));
        }
    }

    void importLecture(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a lecture record");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lecture records (JSON)", "*.json"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            model.importLecture(chosen.toPath(), message -> { }, e -> dialogs.showError(owner, "The lecture could not be imported", e));
        }
    }

    void showOpenError(Window owner, Throwable error) {
        dialogs.showError(owner, "The project could not be opened", error);
    }

    private static FileChooser projectChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lectern projects", "*.lectern"));
        return chooser;
    }
}
