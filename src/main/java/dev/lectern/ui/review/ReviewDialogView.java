package dev.lectern.ui.review;

import jakarta.inject.Inject;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** Binds ReviewDialog.fxml to a {@link ReviewViewModel}; no logic beyond wiring and keyboard shortcuts. */
public final class ReviewDialogView {
    private final ReviewViewModel model;

    @FXML private BorderPane root;
    @FXML private Label title;
    @FXML private Label zoomLevel;
    @FXML private ToggleButton compareToggle;
    @FXML private HBox sideBySide;
    @FXML private StackPane compareFrame;
    @FXML private HBox compareBar;
    @FXML private Slider compareSlider;
    @FXML private Region compareDivider;
    @FXML private ZoomableImagePane committedPane;
    @FXML private ZoomableImagePane previewPane;
    @FXML private ZoomableImagePane compareCommittedPane;
    @FXML private ZoomableImagePane comparePreviewPane;
    @FXML private Label committedPrompt;
    @FXML private Label committedModel;
    @FXML private Label committedSize;
    @FXML private Label committedCreated;
    @FXML private Label previewPrompt;
    @FXML private Label previewModel;
    @FXML private Label previewSize;
    @FXML private Label previewCreated;
    @FXML private Button acceptButton;

    @Inject
    public ReviewDialogView(ReviewViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        zoomLevel.textProperty().bind(model.zoomText());
        for (ZoomableImagePane pane : new ZoomableImagePane[] {committedPane, compareCommittedPane}) {
            show(pane, model.committed());
        }
        for (ZoomableImagePane pane : new ZoomableImagePane[] {previewPane, comparePreviewPane}) {
            show(pane, model.preview());
        }
        caption(model.committed(), committedPrompt, committedModel, committedSize, committedCreated);
        caption(model.preview(), previewPrompt, previewModel, previewSize, previewCreated);
        acceptButton.disableProperty().bind(model.canAcceptProperty().not());

        compareToggle.selectedProperty().bindBidirectional(model.comparingProperty());
        sideBySide.visibleProperty().bind(model.comparingProperty().not());
        compareFrame.visibleProperty().bind(model.comparingProperty());
        compareBar.visibleProperty().bind(model.comparingProperty());
        compareBar.managedProperty().bind(model.comparingProperty());
        compareSlider.valueProperty().bindBidirectional(model.compareSplitProperty());
        comparePreviewPane.revealFromProperty().bind(model.compareSplitProperty());
        compareDivider.layoutXProperty().bind(compareFrame.widthProperty().multiply(model.compareSplitProperty()).subtract(1));
        compareDivider.resize(2, 0);
        compareFrame.heightProperty().addListener((o, was, h) -> compareDivider.resize(2, h.doubleValue()));

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::zoomKeys);
    }

    /** Called once by {@link ReviewDialog}: what to show and whom to tell the answer. */
    void start(ReviewRequest request, Consumer<ReviewChoice> onChoice) {
        model.setOnChoice(onChoice);
        model.load(request);
    }

    /**
     * Focus starts on the preview: arrow keys pan it, and Enter reaches the default button (Accept) instead
     * of firing whichever toolbar button would otherwise be focused first.
     */
    void focusPreview() {
        previewPane.requestFocus();
    }

    ReviewViewModel model() {
        return model;
    }

    private void show(ZoomableImagePane pane, ImageSide side) {
        pane.setViewport(model.viewport());
        pane.imageProperty().bind(side.imageProperty());
        pane.loadingProperty().bind(side.loadingProperty());
        pane.messageProperty().bind(side.problemProperty());
    }

    private static void caption(ImageSide side, Label prompt, Label modelName, Label size, Label created) {
        prompt.textProperty().bind(side.promptProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(side.promptProperty());
        full.setWrapText(true);
        full.setMaxWidth(480);
        prompt.setTooltip(full); // a long prompt is cut in the caption
        modelName.textProperty().bind(side.modelProperty());
        size.textProperty().bind(side.sizeProperty());
        created.textProperty().bind(side.createdProperty());
    }

    private void zoomKeys(KeyEvent e) {
        if (!e.isShortcutDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD) {
            model.viewport().zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            model.viewport().zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            model.viewport().fit();
        } else {
            return;
        }
        e.consume();
    }

    @FXML
    private void accept() {
        model.choose(ReviewChoice.ACCEPT);
    }

    @FXML
    private void reject() {
        model.choose(ReviewChoice.REJECT);
    }

    @FXML
    private void regenerateAgain() {
        model.choose(ReviewChoice.REGENERATE_AGAIN);
    }

    @FXML
    private void zoomIn() {
        model.viewport().zoomIn();
    }

    @FXML
    private void zoomOut() {
        model.viewport().zoomOut();
    }

    @FXML
    private void fit() {
        model.viewport().fit();
    }
}
