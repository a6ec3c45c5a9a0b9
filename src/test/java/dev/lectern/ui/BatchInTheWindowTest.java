package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.RegenerateWorkflow;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.testing.CliRun;
import dev.lectern.ui.main.ReviewFlow;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Segment ▸ Regenerate Whole Lecture… in the real window (issue 17): after a confirmation, one batch with a run per
 * segment; the reviews come one after another — each answer opens the next, no window per preview.
 */
class BatchInTheWindowTest {
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void theWholeLectureIsRegeneratedAsOneBatchAndItsReviewsFollowOneAnother() throws Exception {
        Path file = home.resolve("course.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=160", "image.height=90").exitCode()).isZero();
        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size()) > 2);
            int segments = fx(() -> session.store().segments().size());

            robot.clickOn("Segment").clickOn("Regenerate Whole Lecture…");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#regenerateBatch").tryQuery().isPresent());
            DialogPane ask = robot.lookup("#regenerateBatch").queryAs(DialogPane.class);
            Button ok = fx(() -> (Button) ask.lookupButton(ButtonType.OK));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(ok::getText).equals("Regenerate " + segments));
            assertThat(fx(() -> ((javafx.scene.control.Label) ask.lookup("#batchSummary")).getText()))
                    .startsWith("Regenerates " + segments + " of " + segments + " segments");
            robot.clickOn(ok);

            ReviewFlow flow = app.get(ReviewFlow.class);
            List<String> reviewed = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> flow.reviewing().filter(id -> !reviewed.contains(id)).isPresent()));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#acceptButton").queryButton().isDisabled()));
                reviewed.add(fx(() -> flow.reviewing().orElseThrow()));
                robot.type(i % 2 == 0 ? KeyCode.ENTER : KeyCode.ESCAPE);
            }
            assertThat(reviewed).as("one review per segment, each opened by the answer before").doesNotHaveDuplicates().hasSize(segments);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream().allMatch(r -> r.status().isTerminal())));
            assertThat(fx(() -> flow.reviewing().isPresent())).isFalse();

            Project p = fx(session::project);
            List<Batch> batches = p.batches().list();
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0).total()).isEqualTo(segments);
            assertThat(batches.get(0).count(RunStatus.SUCCEEDED)).isEqualTo(segments);
            List<VideoAsset> videos = p.lectures().load(fx(() -> session.store().lectureProperty().get().id())).orElseThrow().videos();
            assertThat(videos.stream().filter(v -> v.imageVersion() == 2).count()).as("every other one accepted").isEqualTo((segments + 1) / 2);
        }
    }

    @Test
    void aPausedBatchShowsAsARowThatResumesAndAcceptsAllAfterAsking() throws Exception {
        Path file = home.resolve("paused.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=160", "image.height=90").exitCode()).isZero();
        String lecture = CliRun.of("segments", file).out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        String batchId = CliRun.of("batch", file, lecture, "--segments", "seg-01,seg-02,seg-03").out().strip();
        assertThat(CliRun.of("pause", file, batchId).exitCode()).isZero();

        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#batch-" + batchId).tryQuery().isPresent());
            javafx.scene.Node row = robot.lookup("#batch-" + batchId).query();
            assertThat(fx(() -> summary(row))).as("held across the restart").isEqualTo("0 of 3 done · paused, 3 waiting");
            assertThat(fx(() -> session.runs().stream().filter(r -> r.status() == RunStatus.QUEUED).count())).isEqualTo(3);

            // rows are rebuilt as the counts change: look the button up as it is now
            robot.clickOn(fx(() -> robot.lookup("#batch-" + batchId).lookup("#batchResume").queryButton()));
            ReviewFlow flow = app.get(ReviewFlow.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#batch-" + batchId).tryQuery()
                    .map(n -> summary(n).startsWith("3 of 3 done · 3 to review")).orElse(false)));
            assertThat(fx(() -> flow.reviewing().isPresent())).as("the first preview opened its review").isTrue();
            robot.clickOn("#laterButton"); // decide on all of them from the row instead
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> flow.reviewing().isEmpty()));

            robot.clickOn(fx(() -> robot.lookup("#batch-" + batchId).lookup("#batchAcceptAll").queryButton()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(fx(ask::getHeaderText)).isEqualTo("Accept 3 waiting images");
            robot.clickOn(fx(() -> (Button) ask.lookupButton(ButtonType.OK)));

            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#batch-" + batchId).tryQuery().isEmpty());
            Project p = fx(session::project);
            List<VideoAsset> videos = p.lectures().load(lecture).orElseThrow().videos();
            assertThat(videos.stream().filter(v -> List.of("seg-01", "seg-02", "seg-03").contains(v.id())))
                    .allSatisfy(v -> assertThat(v.imageVersion()).as(v.id()).isEqualTo(2));
            assertThat(videos.stream().filter(v -> v.id().equals("seg-04")).findFirst().orElseThrow().imageVersion()).isEqualTo(1);
        }
    }

    @Test
    void aPausedQueueShowsItsBannerMovesRunsToTheFrontAndResumesFromTheToggle() throws Exception {
        Path file = home.resolve("queue.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=160", "image.height=90").exitCode()).isZero();
        String lecture = CliRun.of("segments", file).out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(CliRun.of("pause", file).exitCode()).isZero(); // from a terminal, before the window opens
        String batchId = CliRun.of("batch", file, lecture, "--segments", "seg-01,seg-02,seg-03").out().strip();

        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#batch-" + batchId).tryQuery().isPresent()
                    && fx(() -> robot.lookup("#queueBanner").query().isVisible()));
            assertThat(fx(() -> robot.lookup("#queueToggle").queryButton().getText())).isEqualTo("Resume Queue");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> summary(robot.lookup("#batch-" + batchId).query()))
                    .equals("0 of 3 done · queue paused, 3 waiting"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream().filter(r -> r.status() == RunStatus.QUEUED)
                    .filter(r -> r.messages().get(r.messages().size() - 1).text().equals(RegenerateWorkflow.QUEUE_HELD)).count() == 3));

            Project p = fx(session::project);
            robot.clickOn(fx(() -> robot.lookup("#batch-" + batchId).lookup("#batchFront").queryButton()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> p.queue().placesOfQueued().size() == 3);
            robot.clickOn(fx(() -> robot.lookup("#batch-" + batchId).lookup("#batchChevron").queryButton()));
            javafx.css.PseudoClass inBatch = javafx.css.PseudoClass.getPseudoClass("in-batch");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".run-cell")
                    .match(n -> n.getPseudoClassStates().contains(inBatch)).queryAll().size()) == 3);
            javafx.scene.Node firstRun = fx(() -> robot.lookup(".run-cell").match(n -> n.getPseudoClassStates().contains(inBatch)).query());
            robot.clickOn(firstRun);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#frontRunButton").query().isVisible()));
            robot.clickOn("#frontRunButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> p.queue().placesOfQueued().values().stream().distinct().count() == 2);

            robot.clickOn("#queueToggle");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#batch-" + batchId).tryQuery()
                    .map(n -> summary(n).startsWith("3 of 3 done · 3 to review")).orElse(false)));
            assertThat(fx(() -> robot.lookup("#queueBanner").query().isVisible())).isFalse();
            assertThat(p.queue().paused()).as("the resume is in the file").isFalse();

            // From a terminal while the window holds the project: asked through the file, shown without a run event
            CliRun pause = CliRun.of("pause", file);
            assertThat(pause.out()).as(pause.toString()).startsWith("queue paused by process");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#queueBanner").query().isVisible()));
            assertThat(CliRun.of("resume-queue", file).out()).startsWith("queue resumed by process");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#queueBanner").query().isVisible()));
        }
    }

    @Test
    void theReviewOfABatchRunOffersAcceptAllRemainingAndAsksHowMany() throws Exception {
        Path file = home.resolve("rest.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=160", "image.height=90").exitCode()).isZero();
        String lecture = CliRun.of("segments", file).out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        assertThat(CliRun.of("regenerate", file, lecture + "/seg-05").exitCode()).isZero(); // a run of no batch
        assertThat(CliRun.of("batch", file, lecture, "--segments", "seg-01,seg-02,seg-03", "--wait").exitCode()).isZero();

        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            ReviewFlow flow = app.get(ReviewFlow.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream()
                    .filter(r -> r.status() == RunStatus.AWAITING_REVIEW).count()) == 4);
            Run loose = fx(() -> session.runs().stream().filter(r -> r.segmentId().equals("seg-05")).findFirst().orElseThrow());
            fx(() -> {
                flow.openReview(loose);
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> flow.reviewing().filter(loose.id()::equals).isPresent()));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> robot.lookup("#acceptAllButton").queryButton().isVisible())).as("a run of no batch").isFalse();
            robot.clickOn("#laterButton");

            Run first = fx(() -> session.runs().stream().filter(r -> r.segmentId().equals("seg-01")).findFirst().orElseThrow());
            fx(() -> {
                flow.openReview(first);
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#acceptAllButton").queryButton().isVisible()));
            assertThat(fx(() -> robot.lookup("#acceptAllButton").queryButton().getText())).isEqualTo("Accept All 3…");
            robot.clickOn("#acceptAllButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(fx(ask::getHeaderText)).isEqualTo("Accept 3 waiting images");
            robot.clickOn(fx(() -> (Button) ask.lookupButton(ButtonType.OK)));

            Project p = fx(session::project);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> p.lectures().load(lecture).orElseThrow().videos().stream()
                    .filter(v -> List.of("seg-01", "seg-02", "seg-03").contains(v.id())).allMatch(v -> v.imageVersion() == 2));
            assertThat(p.runs().find(loose.id()).orElseThrow().status()).as("the loose run still waits").isEqualTo(RunStatus.AWAITING_REVIEW);
            assertThat(p.lectures().load(lecture).orElseThrow().videos().stream().filter(v -> v.id().equals("seg-05")).findFirst()
                    .orElseThrow().imageVersion()).isEqualTo(1);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> flow.reviewing().filter(first.id()::equals).isEmpty()));
        }
    }

    @Test
    void twoSegmentsSelectedInTheListAreRegeneratedAsABatchOfTwoAndFiltersCount() throws Exception {
        Path file = home.resolve("some.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=160", "image.height=90").exitCode()).isZero();
        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size()) == 9);
            robot.clickOn(fx(() -> robot.lookup(".segment-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                    .filter(c -> c.getIndex() == 1).findFirst().orElseThrow()));
            robot.press(KeyCode.SHIFT).clickOn(fx(() -> robot.lookup(".segment-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                    .filter(c -> c.getIndex() == 2).findFirst().orElseThrow())).release(KeyCode.SHIFT);

            robot.clickOn("Segment").clickOn("Regenerate Selected…");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#regenerateBatch").tryQuery().isPresent());
            DialogPane ask = robot.lookup("#regenerateBatch").queryAs(DialogPane.class);
            Button ok = fx(() -> (Button) ask.lookupButton(ButtonType.OK));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(ok::getText).equals("Regenerate 2"));
            assertThat(fx(() -> ((javafx.scene.control.RadioButton) ask.lookup("#selectedSegments")).isSelected())).isTrue();

            robot.clickOn("#allSegments");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(ok::getText).equals("Regenerate 9"));
            robot.clickOn("#madeByOn"); // every sample image is a title card: the first model offered is titlecard
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(ok::getText).equals("Regenerate 9"));
            fx(() -> {
                ((javafx.scene.control.ComboBox<?>) ask.lookup("#madeBy")).getEditor().setText("nobody/none");
                ((javafx.scene.control.ComboBox<String>) ask.lookup("#madeBy")).setValue("nobody/none");
                return null;
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> ((javafx.scene.control.Label) ask.lookup("#batchSummary")).getText())
                    .contains("an image made by nobody/none"));
            assertThat(fx(() -> ((javafx.scene.control.Label) ask.lookup("#batchSummary")).getText())).contains("nothing was started");
            assertThat(fx(ok::isDisabled)).as("nothing to start").isTrue();
            robot.clickOn("#madeByOn");
            robot.clickOn("#selectedSegments");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(ok::getText).equals("Regenerate 2") && !fx(ok::isDisabled));
            robot.clickOn(ok);

            Project p = fx(session::project);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> p.batches().list().size() == 1);
            assertThat(p.batches().list().get(0).total()).isEqualTo(2);
            List<String> chosen = p.runs().inBatch(p.batches().list().get(0).id()).stream().map(Run::segmentId).sorted().toList();
            assertThat(chosen).containsExactly("seg-02", "seg-03");
        }
    }

    private static String summary(javafx.scene.Node row) {
        return ((javafx.scene.control.Label) row.lookup(".batch-summary")).getText();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
