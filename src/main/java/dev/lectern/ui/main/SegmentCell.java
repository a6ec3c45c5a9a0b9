package dev.lectern.ui.main;

import dev.lectern.storage.Project;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** A segment row: its starting image and its prompt. A recycled cell never shows the previous row's image. */
final class SegmentCell extends ListCell<SegmentItem> {
    static final int THUMB_WIDTH = 160;
    static final int THUMB_HEIGHT = 90;

    private final Supplier<Project> project;
    private final ThumbnailLoader thumbnails;
    private final ImageView image = new ImageView();
    private final FontIcon placeholder = new FontIcon("mdal-image");
    private final Label title = new Label();
    private final Label prompt = new Label();
    private final Label meta = new Label();
    private final HBox root;

    SegmentCell(Supplier<Project> project, ThumbnailLoader thumbnails) {
        this.project = project;
        this.thumbnails = thumbnails;
        image.setFitWidth(THUMB_WIDTH);
        image.setFitHeight(THUMB_HEIGHT);
        image.setPreserveRatio(true);
        image.setSmooth(true);
        placeholder.setIconSize(28);
        StackPane frame = new StackPane(placeholder, image);
        frame.getStyleClass().add("thumbnail-frame");
        frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setPrefSize(THUMB_WIDTH, THUMB_HEIGHT);
        frame.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
        title.getStyleClass().add("segment-title");
        prompt.getStyleClass().add("segment-prompt");
        prompt.setWrapText(true);
        prompt.setMaxHeight(44);
        meta.getStyleClass().add("segment-meta");
        VBox text = new VBox(4, title, prompt, meta);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        root = new HBox(14, frame, text);
        root.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("segment-cell");
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(SegmentItem item, boolean empty) {
        super.updateItem(item, empty);
        image.setImage(null);
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        title.setText((item.video().position() + 1) + ". " + item.displayTitle());
        String p = item.video().segmentStartImagePrompt();
        prompt.setText(p == null || p.isBlank() ? "No prompt yet" : p);
        String model = item.video().startingImageModel();
        meta.setText((model == null ? "no model" : model) + (item.imageVersion() == null ? " · no image" : " · v" + item.imageVersion()));
        setAccessibleText(title.getText());
        setGraphic(root);
        Project current = project.get();
        if (item.imageVersion() != null && current != null) {
            thumbnails.load(current, item.imageKey(), item.imageVersion(), THUMB_WIDTH * 2,
                    loaded -> {
                        if (getItem() == item) {
                            image.setImage(loaded);
                        }
                    },
                    error -> meta.setText(meta.getText() + " · image unavailable"));
        }
    }
}
