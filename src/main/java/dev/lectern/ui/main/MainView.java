package dev.lectern.ui.main;

import dev.lectern.ui.common.Dialogs;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The main window: the project's segments with their starting images. Binds to {@link MainViewModel}. */
public final class MainView {
    private final MainViewModel model;
    private final ThumbnailLoader thumbnails;
    private final Dialogs dialogs;

    @FXML
    private ListView<SegmentItem> segmentList;
    @FXML
    private Label projectTitle;
    @FXML
    private Label status;

    @Inject
    public MainView(MainViewModel model, ThumbnailLoader thumbnails, Dialogs dialogs) {
        this.model = model;
        this.thumbnails = thumbnails;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        segmentList.setItems(model.segments());
        segmentList.setCellFactory(list -> new SegmentCell(model::project, thumbnails));
        segmentList.setPlaceholder(new Label("This project has no segments yet. Import a lecture with 'lectern import'."));
        projectTitle.textProperty().bind(model.projectTitleProperty());
        status.textProperty().bind(model.statusProperty());
    }

    public void openAtStartup(Optional<Path> requested) {
        model.openAtStartup(requested, this::showOpenError);
    }

    @FXML
    private void openProject() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Lectern project");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lectern projects", "*.lectern"));
        File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            model.open(chosen.toPath(), this::showOpenError);
        }
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    private void showOpenError(Throwable error) {
        dialogs.showError(window(), "The project could not be opened", error);
    }

    private Window window() {
        return segmentList.getScene() == null ? null : segmentList.getScene().getWindow();
    }
}
