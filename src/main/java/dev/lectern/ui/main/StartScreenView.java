package dev.lectern.ui.main;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/** The controller of StartScreen.fxml, shown while no project is open: recent projects, the sample, new, open. */
final class StartScreenView {
    private final MainViewModel model;
    private final ProjectFileActions files;
    private final Supplier<Window> owner;

    @FXML private ListView<Path> recentList;

    StartScreenView(MainViewModel model, ProjectFileActions files, Supplier<Window> owner) {
        this.model = model;
        this.files = files;
        this.owner = owner;
    }

    @FXML
    private void initialize() {
        recentList.setItems(model.recent());
        recentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "  —  " + item.getParent());
            }
        });
        recentList.setOnMouseClicked(e -> {
            Path chosen = recentList.getSelectionModel().getSelectedItem();
            if (chosen != null && e.getClickCount() >= 1) {
                files.open(owner.get(), chosen);
            }
        });
    }

    @FXML
    private void openSample() {
        files.openSample(owner.get());
    }

    @FXML
    private void newProject() {
        files.create(owner.get(), false);
    }

    @FXML
    private void openProject() {
        files.open(owner.get());
    }
}
