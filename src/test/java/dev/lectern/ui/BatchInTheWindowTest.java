package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Batch;
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
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            DialogPane ask = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
            assertThat(fx(ask::getContentText)).contains("all " + segments + " segments");
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

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
