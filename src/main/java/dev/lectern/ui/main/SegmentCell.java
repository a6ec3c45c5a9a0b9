package dev.lectern.ui.main;

import dev.lectern.storage.Project;
import dev.lectern.ui.store.LectureStore;
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
    private final LectureStore store;
    private final ThumbnailLoader thumbnails;
    private final ImageView image = new ImageView();
    private final FontIcon placeholder = new FontIcon("mdal-image");
    private final Label title = new Label();
    private final Label prompt = new Label();
    private final Label meta = new Label();
    private final HBox root;

    SegmentCell(Supplier<Project> project, LectureStore store, ThumbnailLoader thumbnails) {
        this.project = project;
        this.store = store;
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

    /** Pixels for the thumbnail's long edge: exactly what the screen shows (HiDPI included), so no frame rescales it. */
    private int thumbnailEdge() {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 2;
        return (int) Math.ceil(THUMB_WIDTH * Math.max(1, scale));
    }

    @Override
    protected void updateItem(SegmentItem item, boolean empty) {
        super.updateItem(item, empty);
        String tag = item == null ? null : ImageVersionTag.of(item.imageKey(), item.imageVersion());
        if (tag == null || !tag.equals(ImageVersionTag.get(image))) {
            ImageVersionTag.set(image, null, null);
        }
        if (empty || item == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        boolean draft = !store.draft(item.video().id()).isEmpty();
        title.setText((item.video().position() + 1) + ". " + item.displayTitle() + (draft ? "  ✎" : ""));
        String p = item.video().segmentStartImagePrompt();
        prompt.setText(p == null || p.isBlank() ? "No prompt yet" : p);
        String model = item.video().startingImageModel();
        meta.setText((model == null ? "no model" : model) + (item.imageVersion() == null ? " · no image" : " · v" + item.imageVersion()));
        setAccessibleText(title.getText() + (draft ? ", edited" : ""));
        setGraphic(root);
        Project current = project.get();
        if (tag != null && current != null && !tag.equals(ImageVersionTag.get(image))) {
            thumbnails.load(current, item.imageKey(), item.imageVersion(), thumbnailEdge(),
                    loaded -> {
                        SegmentItem shown = getItem();
                        if (shown != null && tag.equals(ImageVersionTag.of(shown.imageKey(), shown.imageVersion()))) {
                            ImageVersionTag.set(image, loaded, tag);
                        }
                    },
                    error -> meta.setText(meta.getText() + " · image unavailable"));
        }
    }
}
