package dev.lectern.ui.segment;

import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Dialogs;
import dev.lectern.ui.common.FxmlViews;
import dev.lectern.ui.history.HistoryView;
import dev.lectern.ui.main.ImageVersionTag;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.main.ThumbnailLoader;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import java.io.File;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/** The segment editor: the seed's two tabs. Binds to {@link SegmentEditorViewModel}; loads images off the FX thread. */
public final class SegmentEditorView {
    static final int IMAGE_EDGE = 1600;
    private static final String DROP_TARGET = "drop-target";
    /** WebP is left out: Java ships no decoder for it, so such a file would only be refused (ImageInspector). */
    private static final String[] IMAGE_PATTERNS = {"*.png", "*.PNG", "*.jpg", "*.jpeg", "*.JPG", "*.JPEG"};
    private static final double[] ZOOM_STEPS = {0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4};

    private final SegmentEditorViewModel model;
    private final ProjectSession session;
    private final ThumbnailLoader images;
    private final VideoPane videoPane;
    private final FxmlViews views;
    private final Dialogs dialogs;
    private HistoryView history;
    @FXML private StackPane historyHolder;
    private boolean updating;
    /** Held: a bidirectional binding keeps only weak references, and this adapter has no other owner. */
    private ObjectProperty<Integer> candidateCount;
    /** null: fit to the pane. */
    private Double zoom;

    @FXML private TextArea prompt;
    @FXML private ComboBox<String> modelBox;
    @FXML private Button regenerate;
    @FXML private Label segmentTitle;
    @FXML private Label draftBadge;
    @FXML private Button seedBadge;
    @FXML private Spinner<Integer> candidates;
    @FXML private Button useImageFile;
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
                             FxmlViews views, Dialogs dialogs) {
        this.views = views;
        this.dialogs = dialogs;
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
        candidateCount = this.model.candidatesProperty().asObject();
        candidates.getValueFactory().valueProperty().bindBidirectional(candidateCount);
        acceptDroppedImages();
        this.model.setOnRefused(this::showRefusal);
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
    void forgetSeed() {
        model.forgetSeed();
    }

    /** File ▸ Use Image File… and the button above the image. */
    @FXML
    public void chooseImageFile() {
        if (!model.canEdit()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Use an image file as this segment's starting image");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images (PNG, JPEG)", IMAGE_PATTERNS),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(imageScroll.getScene() == null ? null : imageScroll.getScene().getWindow());
        if (chosen != null) {
            model.useImage(chosen.toPath());
        }
    }

    /** One file dropped on the image goes to review as the author's own; the checks are the import's. */
    private void acceptDroppedImages() {
        imageScroll.setOnDragOver(e -> {
            if (model.canEdit() && e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        imageScroll.setOnDragEntered(e -> {
            if (model.canEdit() && e.getDragboard().hasFiles()) {
                imageScroll.getStyleClass().add(DROP_TARGET);
            }
        });
        imageScroll.setOnDragExited(e -> imageScroll.getStyleClass().remove(DROP_TARGET));
        imageScroll.setOnDragDropped(e -> {
            e.setDropCompleted(e.getDragboard().hasFiles() && model.useDropped(e.getDragboard().getFiles()));
            e.consume();
        });
    }

    private void showRefusal(Throwable error) {
        dialogs.showError(imageScroll.getScene() == null ? null : imageScroll.getScene().getWindow(),
                "This file cannot be used as the starting image", error);
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
        candidates.setDisable(!model.canEdit());
        useImageFile.setDisable(!model.canEdit());
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
            Long seed = model.recalledSeed();
            seedBadge.setText(seed == null ? "" : "Seed " + seed);
            seedBadge.setVisible(seed != null);
            seedBadge.setManaged(seed != null);
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
