package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
import javafx.scene.control.Label;
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
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> ((Label) ask.lookup("#batchCount")).getText())
                    .equals("Regenerates all " + segments + " segments."));
            robot.clickOn(fx(() -> (Button) ask.lookupButton(ButtonType.OK)));

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

    private static String summary(javafx.scene.Node row) {
        return ((javafx.scene.control.Label) row.lookup(".batch-summary")).getText();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
