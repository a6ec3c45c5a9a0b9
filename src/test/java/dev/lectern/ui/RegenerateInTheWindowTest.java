package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.WorkflowEvent;
import dev.lectern.generation.WorkflowEvents;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.Automatic1111Format;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import dev.lectern.ui.main.ImageVersionTag;
import dev.lectern.ui.main.ReviewFlow;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.review.ZoomableImagePane;
import dev.lectern.ui.runs.RunsRow;
import dev.lectern.ui.store.ProjectSession;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The author's path through the real window against an AUTOMATIC1111 server (MockWebServer): edit the prompt,
 * regenerate, review side by side while the main pane keeps the committed image, accept — and the main pane
 * changes only after the completion event. Reject changes nothing; a review left open survives a restart.
 */
class RegenerateInTheWindowTest {
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();
    final MockWebServer server = new MockWebServer();
    final Automatic1111Format a1111 = new Automatic1111Format();
    Path file;
    TestApp.Launched app;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        file = home.resolve("lighthouses.lectern");
        TestProjects.create(file);
        new ProvidersConfigStore(home.resolve("config/providers.json")).add(ProviderConfig.of("local-sd",
                ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of("sdxl")), false);
        app = TestApp.launch(home, b -> { }, file.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> app.get(ProjectSession.class).store().segments().size()) == 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    @Test
    void editRegenerateReviewAndAccept() throws Exception {
        // Each change of the main pane, and whether the window had handled the completion event by then: the
        // session marks the run succeeded on the FX thread before it refreshes the lecture. (A second listener on
        // the event bus cannot tell: it is called after the window's, which may already have finished.)
        List<String> timeline = new CopyOnWriteArrayList<>();
        ProjectSession session = app.get(ProjectSession.class);
        selectSegment(1);
        ImageView main = robot.lookup("#committedImage").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> "video-img-run0-seg-2@v1".equals(ImageVersionTag.get(main))));
        fx(() -> {
            main.getProperties().addListener((MapChangeListener<Object, Object>) c -> {
                if (ImageVersionTag.KEY.equals(c.getKey()) && c.wasAdded()) {
                    boolean completed = session.runs().stream().anyMatch(r -> r.status() == RunStatus.SUCCEEDED);
                    timeline.add("main pane " + c.getValueAdded() + (completed ? " after completion" : " before completion"));
                }
            });
            return null;
        });

        robot.clickOn("#prompt").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("a lighthouse in a storm");
        fx(() -> {
            chooseModel("local-sd/sdxl");
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#modelExplanation").queryLabeled().getText())
                .startsWith("Will use local-sd/sdxl — chosen in the editor"));
        assertThat(draftInFile("seg-2")).as("the typed prompt is saved as a draft").isEqualTo("a lighthouse in a storm");

        a1111.enqueueSuccess(server, TestImages.png(96, 54, Color.CYAN));
        robot.clickOn("#regenerate");

        Node review = awaitReview();
        ZoomableImagePane left = robot.from(review).lookup("#committedPane").queryAs(ZoomableImagePane.class);
        ZoomableImagePane right = robot.from(review).lookup("#previewPane").queryAs(ZoomableImagePane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> left.imageProperty().get() != null && right.imageProperty().get() != null));
        assertThat(fx(() -> left.imageProperty().get().getWidth())).as("committed on the left").isEqualTo(64);
        assertThat(fx(() -> right.imageProperty().get().getWidth())).as("preview on the right").isEqualTo(96);
        assertThat(fx(() -> ImageVersionTag.get(main))).as("the main pane keeps the committed image").isEqualTo("video-img-run0-seg-2@v1");
        assertThat(server.takeRequest().getBody().utf8()).contains("a lighthouse in a storm").contains("sdxl");

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> "video-img-run0-seg-2@v2".equals(ImageVersionTag.get(main))));
        assertThat(timeline).as("the main pane changed only after the completion event")
                .contains("main pane video-img-run0-seg-2@v2 after completion")
                .doesNotContain("main pane video-img-run0-seg-2@v2 before completion");
        VideoAsset inFile = segmentInFile("seg-2");
        assertThat(inFile.imageVersion()).isEqualTo(2);
        assertThat(inFile.segmentStartImagePrompt()).isEqualTo("a lighthouse in a storm");
        assertThat(inFile.startingImageModel()).isEqualTo("local-sd/sdxl");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> listThumbnail(1)).equals("video-img-run0-seg-2@v2"));
        assertThat(fx(() -> app.get(ProjectSession.class).store().hasDraftsProperty().get())).as("nothing left unsaved").isFalse();
    }

    @Test
    void rejectChangesNothing() throws Exception {
        selectSegment(2);
        VideoAsset before = segmentInFile("seg-3");
        a1111.enqueueSuccess(server, TestImages.png(96, 54, Color.ORANGE));
        fx(() -> {
            chooseModel("local-sd/sdxl");
            return null;
        });
        robot.clickOn("#regenerate");
        awaitReview();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.get(ProjectSession.class).runs().stream()
                .anyMatch(r -> r.reviewOutcome() == ReviewOutcome.REJECTED && r.status() == RunStatus.SUCCEEDED)));
        assertThat(segmentInFile("seg-3")).isEqualTo(before);
        assertThat(fx(() -> ImageVersionTag.get(robot.lookup("#committedImage").queryAs(ImageView.class)))).isEqualTo("video-img-run0-seg-3@v1");
    }

    @Test
    void aServerErrorIsShownInTheEditorAndTheRunsPanel() throws Exception {
        selectSegment(1);
        server.enqueue(a1111.unauthorized());
        fx(() -> {
            chooseModel("local-sd/sdxl");
            return null;
        });
        robot.clickOn("#regenerate");
        javafx.scene.control.Label runState = robot.lookup("#runState").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(runState::getText).startsWith("Last regeneration failed:"));
        assertThat(fx(runState::getText)).containsIgnoringCase("rejected").doesNotContain("Exception");
        assertThat(segmentInFile("seg-2").imageVersion()).isEqualTo(1);
        assertThat(fx(() -> app.get(ReviewFlow.class).reviewing())).as("no review for a failed run").isEmpty();
    }

    @Test
    void aReviewLeftOpenReappearsAfterARestart() throws Exception {
        selectSegment(0);
        a1111.enqueueSuccess(server, TestImages.png(96, 54, Color.PINK));
        fx(() -> {
            chooseModel("local-sd/sdxl");
            return null;
        });
        robot.clickOn("#regenerate");
        awaitReview();
        app.close(); // quit with the review showing, unanswered
        app = TestApp.launch(home, b -> { }, file.toString());
        ProjectSession session = app.get(ProjectSession.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream().anyMatch(r -> r.status() == RunStatus.AWAITING_REVIEW)));
        ListView<RunsRow> runs = robot.lookup("#runList").queryListView();
        fx(() -> {
            runs.getSelectionModel().select(0);
            return null;
        });
        robot.clickOn("#openReviewButton");
        awaitReview();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segmentInFile("seg-1").imageVersion() == 2);
        assertThat(server.getRequestCount()).as("the preview was not generated again").isEqualTo(1);
    }

    @Test
    void runEventsThatArriveTogetherChangeTheRunsListOnce() throws Exception {
        ProjectSession session = app.get(ProjectSession.class);
        CountDownLatch previews = new CountDownLatch(3);
        Runnable unsubscribe = app.get(WorkflowEvents.class).subscribe(e -> {
            if (e instanceof WorkflowEvent.PreviewReady) {
                previews.countDown();
            }
        });
        List<String> changes = new CopyOnWriteArrayList<>();
        try {
            fx(() -> {
                session.runs().addListener((ListChangeListener<Run>) c -> {
                    while (c.next()) {
                        changes.add((c.wasReplaced() ? "replaced " : c.wasAdded() ? "added " : "removed ") + c.getAddedSize());
                    }
                });
                for (String segment : List.of("seg-1", "seg-2", "seg-3")) {
                    session.regenerate(segment); // the title-card model: no server
                }
                // The FX thread is held while the three runs go to review, so all their events queue up meanwhile.
                assertThat(previews.await(15, TimeUnit.SECONDS)).as("three previews ready").isTrue();
                return null;
            });
        } finally {
            unsubscribe.run();
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(changes).as("one change of the runs list for the whole burst, not one per event").containsExactly("added 3");
        assertThat(fx(() -> session.runs().stream().map(r -> r.segmentId() + " " + r.status()).toList()))
                .as("each run in its latest state").containsExactlyInAnyOrder("seg-1 AWAITING_REVIEW", "seg-2 AWAITING_REVIEW", "seg-3 AWAITING_REVIEW");
        assertThat(fx(() -> app.get(ReviewFlow.class).reviewing())).as("a preview in the burst still opened its review").isPresent();
    }

    /** The review sheet, once it shows a preview that can be accepted. */
    private Node awaitReview() throws Exception {
        ReviewFlow flow = app.get(ReviewFlow.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> flow.reviewing().isPresent()));
        Node review = robot.lookup("#reviewLayer").query();
        assertThat(fx(review::isVisible)).isTrue();
        Button accept = robot.from(review).lookup("#acceptButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !accept.isDisabled()));
        return review;
    }

    @SuppressWarnings("unchecked")
    private void chooseModel(String model) {
        ((ComboBox<String>) robot.lookup("#model").query()).setValue(model);
    }

    private void selectSegment(int index) throws Exception {
        fx(() -> {
            robot.lookup("#segmentList").queryListView().getSelectionModel().select(index);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String listThumbnail(int index) {
        for (var cell : robot.lookup(".segment-cell").queryAllAs(javafx.scene.control.ListCell.class)) {
            if (cell.getIndex() == index && cell.getItem() instanceof SegmentItem && cell.getGraphic() != null) {
                return String.valueOf(ImageVersionTag.get((ImageView) cell.getGraphic().lookup(".image-view")));
            }
        }
        return "";
    }

    private VideoAsset segmentInFile(String id) throws Exception {
        Project p = fx(() -> app.get(ProjectSession.class).project());
        return p.lectures().load(TestProjects.LECTURE).orElseThrow().video(id).orElseThrow();
    }

    private String draftInFile(String id) throws Exception {
        Project p = fx(() -> app.get(ProjectSession.class).project());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> p.drafts().load(TestProjects.LECTURE).containsKey(id));
        return p.drafts().load(TestProjects.LECTURE).get(id).prompt();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
