package dev.lectern.ui.segment;

import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.FxmlViews;
import dev.lectern.ui.history.HistoryView;
import dev.lectern.ui.main.ImageVersionTag;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.main.ThumbnailLoader;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** The segment editor: the seed's two tabs. Binds to {@link SegmentEditorViewModel}; loads images off the FX thread. */
public final class SegmentEditorView {
    static final int IMAGE_EDGE = 1600;
    private static final double[] ZOOM_STEPS = {0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4};

    private final SegmentEditorViewModel model;
    private final ProjectSession session;
    private final ThumbnailLoader images;
    private final VideoPane videoPane;
    private final FxmlViews views;
    private HistoryView history;
    @FXML private StackPane historyHolder;
    private boolean updating;
    /** null: fit to the pane. */
    private Double zoom;

    @FXML private TextArea prompt;
    @FXML private ComboBox<String> modelBox;
    @FXML private Button regenerate;
    @FXML private Label segmentTitle;
    @FXML private Label draftBadge;
    @FXML private Label modelExplanation;
    @FXML private Label runState;
    @FXML private Label imageInfo;
    @FXML private Label noImage;
    @FXML private ImageView committedImage;
    @FXML private ScrollPane imageScroll;
    @FXML private StackPane imageHolder;
    @FXML private Label videoPath;
    @FXML private StackPane videoHolder;

    @Inject
    public SegmentEditorView(SegmentEditorViewModel model, ProjectSession session, ThumbnailLoader images, VideoPane videoPane,
                             FxmlViews views) {
        this.views = views;
        this.model = model;
        this.session = session;
        this.images = images;
        this.videoPane = videoPane;
    }

    @FXML
    private void initialize() {
        this.model.selectedProperty().addListener((obs, old, now) -> showSelected());
        session.store().segments().addListener((javafx.collections.ListChangeListener<Object>) c -> showSelected());
        session.store().drafts().addListener((javafx.collections.MapChangeListener<String, Object>) c -> showDraft());
        prompt.textProperty().addListener((obs, old, text) -> {
            if (!updating) {
                this.model.editPrompt(text);
            }
        });
        this.model.modelChoices().addListener((javafx.collections.ListChangeListener<String>) c -> showDraft());
        modelBox.setItems(this.model.modelChoices());
        modelBox.valueProperty().addListener((obs, old, value) -> {
            if (!updating && value != null) {
                this.model.chooseModel(value);
            }
        });
        modelExplanation.textProperty().bind(this.model.modelExplanationProperty());
        runState.textProperty().bind(this.model.runStateProperty());
        imageScroll.viewportBoundsProperty().addListener((obs, old, b) -> applyZoom());
        FxmlViews.Loaded<HistoryView> loaded = views.load(HistoryView.class);
        history = loaded.controller();
        historyHolder.getChildren().setAll(loaded.root());
        showSelected();
    }

    @FXML
    void regenerate() {
        model.regenerate();
    }

    @FXML
    void zoomIn() {
        zoom = nextZoom(+1);
        applyZoom();
    }

    @FXML
    void zoomOut() {
        zoom = nextZoom(-1);
        applyZoom();
    }

    @FXML
    void zoomFit() {
        zoom = null;
        applyZoom();
    }

    private void showSelected() {
        Optional<VideoAsset> segment = model.committed();
        boolean present = segment.isPresent();
        prompt.setDisable(!model.canEdit());
        modelBox.setDisable(!model.canEdit());
        regenerate.setDisable(!model.canEdit());
        SegmentItem item = model.selectedProperty().get();
        if (history != null) {
            history.model().show(present && item != null ? item.lectureId() : null, present ? segment.get().id() : null);
        }
        if (!present) {
            segmentTitle.setText("Select a segment");
            show(null, null);
            videoPane.show(videoHolder, videoPath, null, null);
            return;
        }
        VideoAsset v = segment.get();
        segmentTitle.setText((v.position() + 1) + ". " + (v.title() == null || v.title().isBlank() ? v.id() : v.title()));
        showDraft();
        show(v.imageKey(), v.imageVersion());
        Project p = session.project();
        videoPane.show(videoHolder, videoPath, v, p == null ? null : p.info().file());
    }

    private void showDraft() {
        updating = true;
        try {
            String text = model.prompt();
            if (!text.equals(prompt.getText())) {
                prompt.setText(text);
            }
            String choice = model.modelChoice();
            if (!choice.equals(modelBox.getValue())) {
                modelBox.setValue(choice);
            }
            boolean draft = model.committed().map(v -> !session.store().draft(v.id()).isEmpty()).orElse(false);
            draftBadge.setVisible(draft);
            draftBadge.setManaged(draft);
        } finally {
            updating = false;
        }
    }

    /** Shows (key, version) of the committed image; a late answer for another version is dropped. */
    private void show(String key, Integer version) {
        String wanted = ImageVersionTag.of(key, version);
        if (wanted != null && wanted.equals(ImageVersionTag.get(committedImage))) {
            return;
        }
        ImageVersionTag.set(committedImage, null, null);
        committedImage.getProperties().put("lectern.wanted", wanted);
        noImage.setVisible(wanted == null);
        imageInfo.setText(wanted == null ? "" : "v" + version + " · loading…");
        Project p = session.project();
        if (wanted == null || p == null) {
            return;
        }
        images.load(p, key, version, IMAGE_EDGE, loaded -> {
            if (wanted.equals(committedImage.getProperties().get("lectern.wanted"))) {
                ImageVersionTag.set(committedImage, loaded, wanted);
                imageInfo.setText("v" + version);
                applyZoom();
            }
        }, error -> imageInfo.setText("v" + version + " · could not be shown: " + error.getMessage()));
    }

    private void applyZoom() {
        if (committedImage.getImage() == null) {
            return;
        }
        double w = committedImage.getImage().getWidth();
        double h = committedImage.getImage().getHeight();
        double scale = zoom != null ? zoom
                : Math.min(1, Math.min((imageScroll.getViewportBounds().getWidth() - 20) / w, (imageScroll.getViewportBounds().getHeight() - 20) / h));
        if (scale <= 0 || Double.isNaN(scale)) {
            scale = 1;
        }
        committedImage.setFitWidth(w * scale);
        committedImage.setFitHeight(h * scale);
    }

    private double nextZoom(int direction) {
        double current = committedImage.getImage() == null || committedImage.getFitWidth() <= 0 ? 1
                : committedImage.getFitWidth() / committedImage.getImage().getWidth();
        if (direction > 0) {
            for (double step : ZOOM_STEPS) {
                if (step > current + 0.01) {
                    return step;
                }
            }
            return ZOOM_STEPS[ZOOM_STEPS.length - 1];
        }
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < current - 0.01) {
                return ZOOM_STEPS[i];
            }
        }
        return ZOOM_STEPS[0];
    }
}
