package dev.lectern.ui.history;

import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.common.Tips;
import dev.lectern.ui.main.ThumbnailLoader;
import dev.lectern.ui.store.ProjectSession;
import dev.lectern.ui.common.HumanBytes;
import jakarta.inject.Inject;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The History tab: every version of the segment's image, with Restore and Prune. */
public final class HistoryView {
    static final int THUMB_EDGE = 112;

    private final HistoryViewModel model;
    private final ProjectSession session;
    private final ThumbnailLoader images;
    private final HumanTime time;

    @FXML private ListView<VersionEntry> versionList;
    @FXML private Button restoreButton;
    @FXML private Button pruneButton;
    @FXML private Button useSettingsButton;
    @FXML private Label historyMessage;

    @Inject
    public HistoryView(HistoryViewModel model, ProjectSession session, ThumbnailLoader images, HumanTime time) {
        this.model = model;
        this.session = session;
        this.images = images;
        this.time = time;
    }

    public HistoryViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        versionList.setItems(model.rows());
        versionList.setCellFactory(list -> new VersionCell());
        versionList.setPlaceholder(new Label("No versions yet"));
        restoreButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !HistoryViewModel.canRestore(versionList.getSelectionModel().getSelectedItem()),
                versionList.getSelectionModel().selectedItemProperty()));
        useSettingsButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !HistoryViewModel.canRecall(versionList.getSelectionModel().getSelectedItem()),
                versionList.getSelectionModel().selectedItemProperty()));
        historyMessage.textProperty().bind(model.messageProperty());
    }

    @FXML
    void restore() {
        model.restore(versionList.getSelectionModel().getSelectedItem());
    }

    @FXML
    void prune() {
        long n = model.prunable();
        if (n == 0) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Remove " + n + " rejected or discarded version" + (n == 1 ? "" : "s")
                + " of this image? They cannot be restored afterwards.", ButtonType.CANCEL, ButtonType.OK);
        ask.setHeaderText("Prune this segment's history");
        ask.initOwner(versionList.getScene() == null ? null : versionList.getScene().getWindow());
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.prune(this::offerCompact));
    }

    /** Pruned bytes stay in the file until it is compacted; compacting rewrites it, so the author chooses when. */
    private void offerCompact(long bytes) {
        ButtonType compact = new ButtonType("Compact Now", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Not Now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Compacting the project file gives " + HumanBytes.format(bytes)
                + " back to the disk. It rewrites the file, which takes a moment for a large project.", later, compact);
        ask.setHeaderText("Compact the project file?");
        ask.initOwner(versionList.getScene() == null ? null : versionList.getScene().getWindow());
        ask.showAndWait().filter(b -> b == compact).ifPresent(b -> model.compact());
    }

    @FXML
    void useSettings() {
        model.recall(versionList.getSelectionModel().getSelectedItem());
    }

    /** A row: the version's thumbnail, then what it is and where it stands. */
    private final class VersionCell extends ListCell<VersionEntry> {
        private final ImageView thumb = new ImageView();
        private final Label heading = new Label();
        private final Label details = new Label();
        private final Label prompt = new Label();
        private final VBox text = new VBox(2, heading, details, prompt);
        private final HBox row = new HBox(10, thumb, text);
        /** The row's tooltip; a cell shows many versions in turn, so the tip follows this, not a fixed text. */
        private final StringProperty tip = new SimpleStringProperty("");

        VersionCell() {
            thumb.setFitWidth(THUMB_EDGE);
            thumb.setFitHeight(THUMB_EDGE * 9 / 16.0);
            thumb.setPreserveRatio(true);
            Tips.bindText(row, tip);
            text.setMinWidth(0);
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            setPrefWidth(0); // the row fits the list's width: long prompts end in an ellipsis, no sideways scrolling
            heading.setStyle("-fx-font-weight: bold");
            details.setMinWidth(0);
            prompt.setMinWidth(0);
            heading.getStyleClass().add("version-heading");
            details.getStyleClass().add("version-details");
            prompt.getStyleClass().add("version-prompt");
        }

        @Override
        protected void updateItem(VersionEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                return;
            }
            ImageVersion v = entry.version();
            heading.setText("Version " + v.version() + " · " + entry.status().wireName().replace('_', ' '));
            details.setText(v.source().wireName() + (v.restoredFrom() != null ? " from v" + v.restoredFrom() : "")
                    + " · " + (v.model() == null ? "unknown model" : v.model()) + (v.seed() != null ? " · seed " + v.seed() : "")
                    + " · " + v.width() + "×" + v.height() + " " + v.fileExtension().toUpperCase(Locale.ROOT)
                    + " · " + time.format(v.createdAt()));
            prompt.setText(v.prompt() == null ? "" : v.prompt());
            // The rest of what the version records, for the author who wants to know exactly what was sent.
            tip.set((v.prompt() == null ? "" : "Prompt: " + v.prompt() + "\n")
                    + (v.styledPrompt() == null || v.styledPrompt().equals(v.prompt()) ? "" : "Sent to the model: " + v.styledPrompt() + "\n")
                    + v.mediaType() + ", " + HumanBytes.format(v.byteSize()) + "\nsha256 " + v.sha256());
            thumb.setImage(null);
            Project p = session.project();
            if (p != null) {
                images.load(p, v.imageKey(), v.version(), THUMB_EDGE, picture -> {
                    if (getItem() == entry) {
                        thumb.setImage(picture);
                    }
                }, error -> { });
            }
            setGraphic(row);
        }
    }
}
