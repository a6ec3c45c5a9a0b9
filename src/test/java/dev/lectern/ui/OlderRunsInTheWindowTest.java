package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestProjects;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The runs panel opens on the newest page of runs and reads older ones a page at a time on request (issue 17). */
class OlderRunsInTheWindowTest {
    static final int RUNS = 2 * ProjectSession.RECENT_RUNS + 50;
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void showOlderRunsReadsTheNextPageUntilNoneAreLeft() throws Exception {
        Path file = home.resolve("history.lectern");
        TestProjects.create(file);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            p.transaction(() -> {
                for (int i = 1; i <= RUNS; i++) {
                    Run r = Run.requested(String.format("rdone%05d", i), TestProjects.LECTURE, "seg-2", null, null, null, null, t0.plusSeconds(i));
                    p.runs().insert(r);
                    p.runs().update(r.withStatus(RunStatus.SUCCEEDED, t0.plusSeconds(i), "done"));
                }
                return null;
            });
        }
        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#olderRunsButton").query().isVisible()));
            assertThat(fx(() -> session.runs().size())).isEqualTo(ProjectSession.RECENT_RUNS);

            robot.clickOn("#olderRunsButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().size()) == 2 * ProjectSession.RECENT_RUNS);
            assertThat(fx(() -> robot.lookup("#olderRunsButton").query().isVisible())).as("50 are left").isTrue();

            robot.clickOn("#olderRunsButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().size()) == RUNS);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#olderRunsButton").query().isVisible()));
            assertThat(fx(() -> session.runs().stream().map(Run::id).distinct().count())).as("no run twice").isEqualTo((long) RUNS);
            assertThat(fx(() -> session.runs().stream().anyMatch(r -> r.id().equals("rdone00001")))).as("the oldest").isTrue();
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
