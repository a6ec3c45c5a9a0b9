package dev.lectern.ui.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.UserDirectories;
import dev.lectern.storage.ImageCache;
import dev.lectern.storage.ImageRepository.Provenance;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.FxScreenshots;
import dev.lectern.testing.TestImages;
import dev.lectern.ui.UiModule;
import dev.lectern.ui.common.Tips;
import dev.lectern.ui.runs.RunsPanel;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The review dialog on a real project file: committed left, preview right, linked zoom, one answer. */
class ReviewDialogTest {
    private static final String KEY = "video-img-run-1-seg-1";

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final List<ReviewChoice> choices = new CopyOnWriteArrayList<>();
    private Project project;
    private Injector injector;
    private Stage owner;
    private ReviewDialog reviews;
    private ReviewDialog.Shown dialog;
    /** Something of the window's own behind the review, with a menu shortcut. */
    private Button behind;
    private int shortcutsBehind;
    private ImageVersion committedVersion;
    private ImageVersion previewVersion;

    @BeforeEach
    void setUp() throws Exception {
        ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        project = files.create(dir.resolve("review.lectern"), "Review", p -> { });
        committedVersion = project.images().add(KEY, TestImages.png(640, 360, Color.RED),
                new Provenance("local/sd-old", "styled: a lecture hall at dawn", 1L));
        previewVersion = project.images().add(KEY, TestImages.png(800, 450, Color.YELLOW),
                new Provenance("local/sd-new", "styled: a lecture hall at dusk", 2L));
        injector = Guice.createInjector(b -> {
            b.bind(ImageCache.class).toInstance(new ImageCache(dir.resolve("cache"), 32L * 1024 * 1024));
            b.bind(Clock.class).toInstance(Clock.systemUTC());
        });
        FxToolkit.registerPrimaryStage();
        reviews = injector.getInstance(ReviewDialog.class);
        robot.interact(() -> {
            // A window of its own: resizing the shared primary stage would squeeze the next test's app window.
            owner = new Stage();
            // The app's theme, so the stylesheet's AtlantaFX colour variables resolve as they do for real.
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            behind = new Button("Behind");
            behind.setOnAction(e -> shortcutsBehind++);
            StackPane layers = new StackPane(new javafx.scene.layout.VBox(behind));
            owner.setScene(new Scene(layers, 1100, 760));
            owner.getScene().getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), () -> shortcutsBehind++);
            reviews.attach(layers);
            owner.show();
            behind.requestFocus();
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (dialog != null) {
            robot.interact(dialog::close);
        }
        robot.interact(owner::close);
        FxToolkit.cleanupStages();
        project.close();
    }

    private VideoAsset segment(Integer committedImageVersion) {
        return new VideoAsset("seg-1", "Intro", 0, null, KEY, "local/sd-old", "A lecture hall at dawn", null,
                committedImageVersion, Map.of());
    }

    private Run awaitingRun() {
        Instant now = Instant.now();
        GenerationSettings settings = new GenerationSettings("local/sd-new", GenerationSettings.ModelSource.EDITOR,
                "A lecture hall at dusk", "styled: a lecture hall at dusk", 800, 450, "16:9");
        return new Run("run-1", "lecture-1", "seg-1", RunStatus.AWAITING_REVIEW, null, "A lecture hall at dusk",
                "local/sd-new", null, null, settings, new PreviewImage(KEY, previewVersion.version(), previewVersion.sha256(), 800, 450),
                List.of(new Candidate(1, KEY, previewVersion.version(), previewVersion.sha256(), 800, 450, null, false)), null, now, now, now.plus(Duration.ofHours(1)), List.of(new RunMessage(now, "Starting image ready for review")));
    }

    private void open(VideoAsset committed) throws Exception {
        dialog = WaitForAsyncUtils.asyncFx(() -> reviews.open(new ReviewRequest(project, awaitingRun(), committed), choices::add)).get();
    }

    private void openAndWaitForImages() throws Exception {
        open(segment(committedVersion.version()));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> pane("#committedPane").imageProperty().get() != null
                && pane("#previewPane").imageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ZoomableImagePane pane(String id) {
        return robot.lookup(id).queryAs(ZoomableImagePane.class);
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The viewport as a fraction of the image, so images of different pixel sizes compare. */
    private static Rectangle2D normalised(ZoomableImagePane pane) {
        Rectangle2D v = pane.displayedViewport();
        Image image = pane.imageProperty().get();
        return new Rectangle2D(v.getMinX() / image.getWidth(), v.getMinY() / image.getHeight(),
                v.getWidth() / image.getWidth(), v.getHeight() / image.getHeight());
    }

    private static void assertSameRegion(Rectangle2D a, Rectangle2D b) {
        assertThat(a.getMinX()).isCloseTo(b.getMinX(), within(1e-9));
        assertThat(a.getMinY()).isCloseTo(b.getMinY(), within(1e-9));
        assertThat(a.getWidth()).isCloseTo(b.getWidth(), within(1e-9));
        assertThat(a.getHeight()).isCloseTo(b.getHeight(), within(1e-9));
    }

    @Test
    void showsTheCommittedImageLeftAndThePreviewRightWithTheirCaptions() throws Exception {
        openAndWaitForImages();
        Image left = pane("#committedPane").imageProperty().get();
        Image right = pane("#previewPane").imageProperty().get();
        assertThat(left.getWidth()).isEqualTo(640);
        assertThat(right.getWidth()).isEqualTo(800);
        javafx.scene.paint.Color leftCorner = left.getPixelReader().getColor(5, 5);
        javafx.scene.paint.Color rightCorner = right.getPixelReader().getColor(5, 5);
        assertThat(leftCorner.getRed()).as("committed: red corner").isGreaterThan(0.9);
        assertThat(leftCorner.getGreen()).isLessThan(0.1);
        assertThat(rightCorner.getRed()).as("preview: yellow corner").isGreaterThan(0.9);
        assertThat(rightCorner.getGreen()).isGreaterThan(0.9);

        assertThat(text("#reviewTitle")).contains("Intro");
        assertThat(text("#committedPrompt")).isEqualTo("A lecture hall at dawn");
        assertThat(text("#committedModel")).isEqualTo("local/sd-old");
        assertThat(text("#committedSize")).isEqualTo("640 × 360");
        assertThat(text("#previewPrompt")).isEqualTo("A lecture hall at dusk");
        assertThat(text("#previewModel")).isEqualTo("local/sd-new");
        assertThat(text("#previewSize")).isEqualTo("800 × 450");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> text("#previewCreated").startsWith("today "));
        assertThat(text("#committedCreated")).matches("today \\d\\d:\\d\\d");
        assertThat(robot.lookup("#acceptButton").queryButton().isDisabled()).isFalse();
        robot.interact(() -> FxScreenshots.saveIfRequested(owner.getScene(), "review-side-by-side"));
        for (String id : List.of("#acceptButton", "#rejectButton", "#regenerateButton", "#laterButton", "#zoomInButton", "#zoomOutButton", "#fitButton")) {
            Button b = robot.lookup(id).queryButton();
            assertThat(Tips.getText(b)).as(id + " tooltip").isNotBlank();
            assertThat(b.getAccessibleText()).as(id + " accessible text").isNotBlank();
        }
    }

    @Test
    void aStripOfCandidatesIsBrowsedWithTheArrowsDiscardedWithDeleteAndTheShownOneAccepted() throws Exception {
        ImageVersion green = project.images().add(KEY, TestImages.png(800, 450, Color.GREEN), new Provenance("local/sd-new", "dusk", 3L));
        ImageVersion blue = project.images().add(KEY, TestImages.png(800, 450, Color.BLUE), new Provenance("local/sd-new", "dusk", 4L));
        Run one = awaitingRun();
        Run three = new Run(one.id(), one.lectureId(), one.segmentId(), one.status(), null, one.requestedPrompt(), one.requestedModel(),
                3, null, one.settings(), one.preview(), List.of(one.candidates().get(0),
                new Candidate(2, KEY, green.version(), green.sha256(), 800, 450, 3L, false),
                new Candidate(3, KEY, blue.version(), blue.sha256(), 800, 450, 4L, false)), null, one.createdAt(), one.updatedAt(),
                one.waitExpiresAt(), one.messages());
        List<Integer> discarded = new CopyOnWriteArrayList<>();
        List<Integer> accepted = new CopyOnWriteArrayList<>();
        dialog = WaitForAsyncUtils.asyncFx(() -> reviews.open(new ReviewRequest(project, three, segment(committedVersion.version())),
                (choice, candidate) -> accepted.add(choice == ReviewChoice.ACCEPT ? candidate : -1), discarded::add)).get();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> pane("#previewPane").imageProperty().get() != null);
        assertThat(text("#candidateLabel")).isEqualTo("Image 1 of 3");
        assertThat(centreColour()).isEqualTo(Color.YELLOW.getRGB());
        assertThat(stripTiles()).as("one tile per candidate, the shown one marked").hasSize(3);
        assertThat(markedTile()).isZero();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> stripTiles().stream()
                .allMatch(t -> ((ImageView) ((StackPane) t).getChildren().get(0)).getImage() != null));

        robot.clickOn(stripTiles().get(2));
        waitForPreview(Color.BLUE);
        assertThat(text("#candidateLabel")).as("a click on a tile shows that candidate").isEqualTo("Image 3 of 3");
        assertThat(markedTile()).isEqualTo(2);
        robot.clickOn(stripTiles().get(0));
        waitForPreview(Color.YELLOW);

        robot.type(KeyCode.RIGHT);
        waitForPreview(Color.GREEN);
        assertThat(text("#candidateLabel")).isEqualTo("Image 2 of 3");
        robot.type(KeyCode.DELETE);
        waitForPreview(Color.BLUE);
        assertThat(discarded).containsExactly(2);
        assertThat(text("#candidateLabel")).isEqualTo("Image 2 of 2");
        assertThat(stripTiles()).as("the discarded one leaves the strip").hasSize(2);
        assertThat(markedTile()).isEqualTo(1);
        robot.type(KeyCode.LEFT);
        waitForPreview(Color.YELLOW);
        robot.type(KeyCode.RIGHT);
        waitForPreview(Color.BLUE);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(accepted).as("Enter accepts the candidate shown").containsExactly(3);
        assertThat(dialog.isShowing()).isFalse();
    }

    private List<Node> stripTiles() {
        return List.copyOf(robot.lookup("#candidateStrip").queryAs(HBox.class).getChildren());
    }

    /** The position of the tile drawn as selected, or -1. */
    private int markedTile() {
        List<Node> tiles = stripTiles();
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i).getPseudoClassStates().contains(PseudoClass.getPseudoClass("selected"))) {
                return i;
            }
        }
        return -1;
    }

    private void waitForPreview(Color colour) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> pane("#previewPane").imageProperty().get() != null
                && centreColour() == colour.getRGB());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Inside the preview's coloured corner, which tells the test images apart. */
    private int centreColour() {
        javafx.scene.image.Image image = pane("#previewPane").imageProperty().get();
        if (image == null) {
            return 0;
        }
        return image.getPixelReader().getArgb((int) image.getWidth() / 8, (int) image.getHeight() / 8);
    }

    @Test
    void enterAccepts() throws Exception {
        openAndWaitForImages();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(choices).containsExactly(ReviewChoice.ACCEPT);
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void escapeRejects() throws Exception {
        openAndWaitForImages();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(choices).containsExactly(ReviewChoice.REJECT);
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void regenerateAgainButtonAnswersOnce() throws Exception {
        openAndWaitForImages();
        Button regenerate = robot.lookup("#regenerateButton").queryButton();
        robot.clickOn(regenerate);
        robot.interact(regenerate::fire); // a second click on a closing dialog must not answer twice
        assertThat(choices).containsExactly(ReviewChoice.REGENERATE_AGAIN);
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void laterClosesTheReviewWithoutAnAnswerAndGivesTheWindowBackItsFocus() throws Exception {
        openAndWaitForImages();
        assertThat(robot.lookup("#reviewLayer").query().isVisible()).isTrue();
        robot.clickOn("#laterButton");
        assertThat(choices).isEmpty();
        assertThat(dialog.isShowing()).isFalse();
        assertThat(robot.lookup("#reviewLayer").query().isVisible()).isFalse();
        assertThat(owner.getScene().getFocusOwner()).as("focus back where it was").isSameAs(behind);
        robot.type(KeyCode.ENTER);
        assertThat(choices).as("Enter in the window no longer reaches the hidden review").isEmpty();
    }

    @Test
    void whileTheReviewShowsTheWindowBehindTakesNoClicksShortcutsOrFocus() throws Exception {
        openAndWaitForImages();
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        robot.clickOn(behind.localToScreen(behind.getBoundsInLocal()).getCenterX(), behind.localToScreen(behind.getBoundsInLocal()).getCenterY(), MouseButton.PRIMARY);
        assertThat(shortcutsBehind).as("the shortcut and the click stopped at the review").isZero();
        javafx.scene.Node layer = robot.lookup("#reviewLayer").query();
        java.util.Set<javafx.scene.Node> visited = new java.util.HashSet<>();
        for (int i = 0; i < 14; i++) {
            robot.type(KeyCode.TAB);
            javafx.scene.Node focused = owner.getScene().getFocusOwner();
            assertThat(isInside(focused, layer)).as("Tab %d stays inside the review (on %s)", i, focused).isTrue();
            visited.add(focused);
        }
        assertThat(visited).as("Tab visits the review's own controls").contains(robot.lookup("#acceptButton").query(), robot.lookup("#laterButton").query());
        robot.interact(() -> behind.requestFocus());
        assertThat(isInside(owner.getScene().getFocusOwner(), layer)).as("focus taken behind comes back").isTrue();

        robot.clickOn("#laterButton");
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        assertThat(shortcutsBehind).as("with the review gone the shortcut works again").isEqualTo(1);
        assertThat(choices).isEmpty();
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node ancestor) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void zoomAndPanInOnePaneMoveTheOtherIdentically() throws Exception {
        openAndWaitForImages();
        ZoomableImagePane left = pane("#committedPane");
        ZoomableImagePane right = pane("#previewPane");
        assertSameRegion(normalised(left), new Rectangle2D(0, 0, 1, 1));

        // TestFX's glass robot turns DOWN into a positive deltaY, which JavaFX means as "wheel away": zoom in.
        robot.moveTo(left).press(KeyCode.CONTROL).scroll(2, VerticalDirection.DOWN).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D zoomed = normalised(left);
        assertThat(zoomed.getWidth()).as("ctrl+scroll zoomed in").isLessThan(0.9);
        assertSameRegion(normalised(right), zoomed);

        robot.drag(left, MouseButton.PRIMARY).dropBy(-60, -30);
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D panned = normalised(left);
        assertThat(panned.getMinX()).as("dragging left shows more of the right").isGreaterThan(zoomed.getMinX());
        assertSameRegion(normalised(right), panned);

        robot.clickOn("#zoomInButton");
        assertThat(normalised(right).getWidth()).isLessThan(panned.getWidth());
        assertSameRegion(normalised(right), normalised(left));
        assertThat(text("#zoomLevel")).endsWith("×");

        robot.clickOn("#fitButton");
        assertSameRegion(normalised(left), new Rectangle2D(0, 0, 1, 1));
        assertSameRegion(normalised(right), new Rectangle2D(0, 0, 1, 1));
        assertThat(text("#zoomLevel")).isEqualTo("Fit");
    }

    @Test
    void compareModeOverlaysBothImagesWithAMovableDivider() throws Exception {
        openAndWaitForImages();
        assertThat(robot.lookup("#compareFrame").tryQuery()).as("compare mode is built when first switched on").isEmpty();
        robot.clickOn("#compareToggle");
        assertThat(robot.lookup("#compareFrame").query().getParent().isVisible()).isTrue();
        assertThat(robot.lookup("#sideBySide").query().isVisible()).isFalse();
        ZoomableImagePane under = pane("#compareCommittedPane");
        ZoomableImagePane over = pane("#comparePreviewPane");
        assertThat(under.imageProperty().get().getWidth()).isEqualTo(640);
        assertThat(over.imageProperty().get().getWidth()).isEqualTo(800);

        Rectangle clip = (Rectangle) over.getClip();
        assertThat(clip.getX()).isCloseTo(over.getWidth() * 0.5, within(0.5));
        Slider slider = robot.lookup("#compareSlider").queryAs(Slider.class);
        robot.clickOn(slider).type(KeyCode.HOME); // the divider to the far left: all preview
        assertThat(clip.getX()).isCloseTo(0, within(0.5));
        robot.interact(() -> slider.setValue(0.8));
        robot.interact(() -> FxScreenshots.saveIfRequested(owner.getScene(), "review-compare"));
        assertThat(clip.getX()).as("80% committed, 20% preview revealed").isCloseTo(over.getWidth() * 0.8, within(0.5));
        assertThat(clip.getWidth()).isCloseTo(over.getWidth() * 0.2, within(0.5));
        assertThat(robot.lookup("#compareDivider").query().getLayoutX()).isCloseTo(over.getWidth() * 0.8, within(2.0));

        robot.interact(() -> under.getViewport().zoomIn());
        assertSameRegion(normalised(over), normalised(under));

        robot.clickOn("#compareToggle");
        assertThat(robot.lookup("#compareFrame").query().getParent().isVisible()).isFalse();
        assertThat(robot.lookup("#sideBySide").query().isVisible()).isTrue();
    }

    @Test
    void aClosedDialogIsShownAgainForTheNextReviewWithNothingLeftOfTheLastOne() throws Exception {
        openAndWaitForImages();
        javafx.scene.Node first = robot.lookup("#reviewRoot").query();
        robot.clickOn("#compareToggle");
        robot.interact(() -> pane("#previewPane").getViewport().zoomIn());
        robot.interact(dialog::close);
        ZoomableImagePane hiddenPreview = (ZoomableImagePane) first.lookup("#previewPane");
        assertThat(hiddenPreview.imageProperty().get()).as("a closed dialog keeps no image").isNull();

        // The next review: this time the segment's committed version is missing from the file.
        open(segment(9));
        assertThat(robot.lookup("#reviewRoot").queryAll()).as("the same sheet, already styled").containsExactly(first);
        ZoomableImagePane left = pane("#committedPane");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !left.messageProperty().get().isEmpty()
                && pane("#previewPane").imageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(left.imageProperty().get()).as("no image of the last review turns up late").isNull();
        assertThat(robot.lookup("#sideBySide").query().isVisible()).as("compare mode is off again").isTrue();
        assertThat(text("#zoomLevel")).isEqualTo("Fit");
        robot.clickOn("#previewPane").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(choices).as("the first review made no choice; this one accepts once").containsExactly(ReviewChoice.ACCEPT);
        assertThat(dialog.isShowing()).isFalse();
    }

    @Test
    void theAppsRealModulesBuildBothComponentsWithAFreshStatePerDialog() {
        UserDirectories dirs = new UserDirectories(Map.of("LECTERN_CONFIG_DIR", dir.resolve("config").toString(),
                "LECTERN_DATA_DIR", dir.resolve("data").toString(), "LECTERN_CACHE_DIR", dir.resolve("cache").toString()),
                System::getProperty);
        Injector real = Guice.createInjector(Modules.override(new AppModule(), new UiModule())
                .with(b -> b.bind(UserDirectories.class).toInstance(dirs)));
        assertThat(real.getInstance(ReviewDialog.class)).isNotNull();
        assertThat(real.getInstance(RunsPanel.class)).isNotNull();
        assertThat(real.getInstance(ReviewViewModel.class)).as("one view-model per dialog")
                .isNotSameAs(real.getInstance(ReviewViewModel.class));
    }

    @Test
    void anImageThatCannotBeLoadedGetsAReadableMessage() throws Exception {
        open(segment(9));
        ZoomableImagePane left = pane("#committedPane");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !left.messageProperty().get().isEmpty()
                && pane("#previewPane").imageProperty().get() != null);
        assertThat(left.messageProperty().get()).startsWith("The current image could not be loaded").contains(KEY);
        assertThat(left.imageProperty().get()).isNull();
        assertThat(left.loadingProperty().get()).isFalse();
        assertThat(robot.lookup("#acceptButton").queryButton().isDisabled()).as("the preview itself is fine").isFalse();
        robot.interact(() -> FxScreenshots.saveIfRequested(owner.getScene(), "review-missing-image"));
    }

    @Test
    void aSegmentWithoutAnImageSaysSoAndAcceptWaitsForThePreview() throws Exception {
        open(segment(null));
        assertThat(pane("#committedPane").messageProperty().get()).isEqualTo("This segment has no starting image yet.");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> pane("#previewPane").imageProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#acceptButton").queryButton().isDisabled()).isFalse();
    }
}
