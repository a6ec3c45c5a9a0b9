package dev.lectern.ui.review;

import dev.lectern.ui.common.AnswerAllQuestion;
import dev.lectern.ui.common.FxmlViews;
import dev.lectern.ui.common.Tips;
import dev.lectern.lecture.Candidate;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Binds ReviewDialog.fxml to a {@link ReviewViewModel}; no logic beyond wiring and keyboard shortcuts. */
public final class ReviewDialogView {
    static final int STRIP_EDGE = 96;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final ReviewViewModel model;

    @FXML private BorderPane root;
    @FXML private Label title;
    @FXML private Label zoomLevel;
    @FXML private ToggleButton compareToggle;
    @FXML private StackPane imageStack;
    @FXML private HBox sideBySide;
    @FXML private ZoomableImagePane committedPane;
    @FXML private ZoomableImagePane previewPane;
    @FXML private Label committedPrompt;
    @FXML private Label committedModel;
    @FXML private Label committedSize;
    @FXML private Label committedCreated;
    @FXML private Label previewPrompt;
    @FXML private Label previewModel;
    @FXML private Label previewSize;
    @FXML private Label previewCreated;
    @FXML private Button acceptButton;
    @FXML private Button acceptAllButton;
    @FXML private Button rejectAllButton;
    @FXML private HBox candidateBar;
    @FXML private Label candidateLabel;
    @FXML private HBox candidateStrip;

    private final FxmlViews views;
    private ComparePart compare;
    private Runnable onLater = () -> { };

    @Inject
    public ReviewDialogView(ReviewViewModel model, FxmlViews views) {
        this.model = model;
        this.views = views;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        zoomLevel.textProperty().bind(model.zoomText());
        show(committedPane, model.committed());
        show(previewPane, model.preview());
        caption(model.committed(), committedPrompt, committedModel, committedSize, committedCreated);
        caption(model.preview(), previewPrompt, previewModel, previewSize, previewCreated);
        acceptButton.disableProperty().bind(model.canAcceptProperty().not());
        for (Button all : List.of(acceptAllButton, rejectAllButton)) {
            all.visibleProperty().bind(model.answerAllOfferedProperty());
            all.managedProperty().bind(model.answerAllOfferedProperty());
        }
        acceptAllButton.textProperty().bind(model.batchWaitingProperty().asString("Accept All %d…"));
        rejectAllButton.textProperty().bind(model.batchWaitingProperty().asString("Reject All %d…"));

        compareToggle.selectedProperty().bindBidirectional(model.comparingProperty());
        sideBySide.visibleProperty().bind(model.comparingProperty().not());
        model.comparingProperty().addListener((o, was, now) -> {
            if (now && compare == null) {
                compare = new ComparePart();
                imageStack.getChildren().add(views.loadPart(compare, "ReviewCompare.fxml"));
            }
        });

        candidateBar.visibleProperty().bind(model.severalCandidatesProperty());
        candidateBar.managedProperty().bind(model.severalCandidatesProperty());
        candidateLabel.textProperty().bind(model.candidateTextProperty());
        candidateStrip.visibleProperty().bind(model.severalCandidatesProperty());
        candidateStrip.managedProperty().bind(model.severalCandidatesProperty());
        model.candidates().addListener((ListChangeListener<Candidate>) c -> fillStrip());
        model.selectedProperty().addListener((o, was, now) -> markSelected());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::zoomKeys);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::candidateKeys);
    }

    /** One thumbnail per candidate left, in order; a click shows it on the new side. */
    private void fillStrip() {
        List<Node> tiles = new ArrayList<>();
        List<Candidate> shown = List.copyOf(model.candidates());
        for (int i = 0; i < shown.size(); i++) {
            int position = i;
            ImageView picture = new ImageView();
            picture.setFitWidth(STRIP_EDGE);
            picture.setFitHeight(STRIP_EDGE * 9 / 16.0);
            picture.setPreserveRatio(true);
            StackPane tile = new StackPane(picture);
            tile.getStyleClass().add("candidate-tile");
            tile.setAccessibleText("Image " + (i + 1) + " of " + shown.size());
            tile.setOnMouseClicked(e -> model.select(position));
            model.thumbnail(shown.get(i), STRIP_EDGE, image -> {
                if (model.candidates().equals(shown)) {
                    picture.setImage(image);
                }
            });
            tiles.add(tile);
        }
        candidateStrip.getChildren().setAll(tiles);
        markSelected();
    }

    private void markSelected() {
        List<Node> tiles = candidateStrip.getChildren();
        for (int i = 0; i < tiles.size(); i++) {
            tiles.get(i).pseudoClassStateChanged(SELECTED, i == model.selectedProperty().get());
        }
    }

    /** Compare mode, built the first time the author switches it on: most reviews never do. */
    private final class ComparePart {
        @FXML private VBox comparePart;
        @FXML private StackPane compareFrame;
        @FXML private HBox compareBar;
        @FXML private Slider compareSlider;
        @FXML private Region compareDivider;
        @FXML private ZoomableImagePane compareCommittedPane;
        @FXML private ZoomableImagePane comparePreviewPane;

        @FXML
        private void initialize() {
            show(compareCommittedPane, model.committed());
            show(comparePreviewPane, model.preview());
            comparePart.visibleProperty().bind(model.comparingProperty());
            compareSlider.valueProperty().bindBidirectional(model.compareSplitProperty());
            comparePreviewPane.revealFromProperty().bind(model.compareSplitProperty());
            compareDivider.layoutXProperty().bind(compareFrame.widthProperty().multiply(model.compareSplitProperty()).subtract(1));
            compareDivider.resize(2, compareFrame.getHeight());
            compareFrame.heightProperty().addListener((o, was, h) -> compareDivider.resize(2, h.doubleValue()));
        }
    }

    /** Called by {@link ReviewDialog} for each review it shows: what to show and whom to tell the answer. */
    void start(ReviewRequest request, Consumer<ReviewChoice> onChoice, IntConsumer onDiscard) {
        model.setOnChoice(onChoice);
        model.setOnDiscard(onDiscard);
        model.load(request);
    }

    /** What "Later" does: close the review without an answer. */
    void setOnLater(Runnable onLater) {
        this.onLater = onLater;
    }

    /** Called when the dialog closes: it keeps no images while hidden. */
    void clear() {
        model.setOnChoice(choice -> { });
        model.setOnDiscard(index -> { });
        model.clear();
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
        Tips.bindText(prompt, side.promptProperty()); // a long prompt is cut in the caption
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

    /**
     * Left / Right browse the candidates and Delete discards one, while the image is fitted; zoomed in, the arrow
     * keys pan as before.
     */
    private void candidateKeys(KeyEvent e) {
        if (!model.severalCandidatesProperty().get() || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        boolean fitted = model.viewport().zoom() <= 1.0001;
        if (e.getCode() == KeyCode.LEFT && fitted) {
            model.previous();
        } else if (e.getCode() == KeyCode.RIGHT && fitted) {
            model.next();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.discardSelected();
        } else {
            return;
        }
        e.consume();
    }

    @FXML
    private void previousCandidate() {
        model.previous();
    }

    @FXML
    private void nextCandidate() {
        model.next();
    }

    @FXML
    private void discardCandidate() {
        model.discardSelected();
    }

    @FXML
    private void accept() {
        model.choose(ReviewChoice.ACCEPT);
    }

    /** Enter: Accept, unless there is nothing to accept yet (the preview still loading or broken). */
    void acceptIfAllowed() {
        if (!acceptButton.isDisabled()) {
            accept();
        }
    }

    /** Esc, or the Reject button. */
    @FXML
    void reject() {
        model.choose(ReviewChoice.REJECT);
    }

    @FXML
    private void later() {
        onLater.run();
    }

    /** The rest of the batch at once, after saying how many (the batch row asks the same). */
    @FXML
    private void acceptAll() {
        answerAll(true);
    }

    @FXML
    private void rejectAll() {
        answerAll(false);
    }

    private void answerAll(boolean accept) {
        if (AnswerAllQuestion.ask(root.getScene() == null ? null : root.getScene().getWindow(), model.batchWaitingProperty().get(), accept)) {
            model.choose(accept ? ReviewChoice.ACCEPT_ALL_REMAINING : ReviewChoice.REJECT_ALL_REMAINING);
        }
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
