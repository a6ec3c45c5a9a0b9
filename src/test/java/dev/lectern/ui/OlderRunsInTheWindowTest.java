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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The runs panel opens on the newest page of runs and reads older ones a page at a time on request (issue 17), and
 * past the live ones, the archived ones (decision 0026).
 */
class OlderRunsInTheWindowTest {
    static final int RUNS = 2 * ProjectSession.RECENT_RUNS + 50;
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void showOlderRunsReadsTheNextPageUntilNoneAreLeft() throws Exception {
        Path file = project("history.lectern", p -> addFinished(p, "rdone", RUNS, T0));
        try (TestApp.Launched app = launchUntilOlderRunsOffered(file)) {
            ProjectSession session = app.get(ProjectSession.class);
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

    @Test
    void pastTheLiveRunsTheButtonGoesOnIntoTheArchivedOnes() throws Exception {
        int live = ProjectSession.RECENT_RUNS + 20;
        int archived = 30;
        Path file = project("archived.lectern", p -> {
            addFinished(p, "rarch", archived, T0);
            assertThat(p.runs().archiveFinishedBefore(T0.plusSeconds(archived + 1), T0.plusSeconds(100_000))).isEqualTo(archived);
            addFinished(p, "rlive", live, T0.plusSeconds(1_000));
        });
        try (TestApp.Launched app = launchUntilOlderRunsOffered(file)) {
            ProjectSession session = app.get(ProjectSession.class);
            assertThat(fx(() -> robot.lookup("#olderRunsButton").queryButton().getText())).isEqualTo("Show Older Runs");

            robot.clickOn("#olderRunsButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().size()) == live);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#olderRunsButton").queryButton().getText())
                    .equals("Show Archived Runs"));
            assertThat(fx(() -> session.runs().stream().noneMatch(r -> r.id().startsWith("rarch")))).as("none archived yet").isTrue();

            robot.clickOn("#olderRunsButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().size()) == live + archived);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#olderRunsButton").query().isVisible()));
            assertThat(fx(() -> session.runs().get(session.runs().size() - 1).id())).as("the oldest archived, last").isEqualTo("rarch00001");
        }
    }

    @Test
    void withFewLiveRunsTheArchivedOnesAreOfferedAtOnce() throws Exception {
        Path file = project("few.lectern", p -> {
            addFinished(p, "rarch", 3, T0);
            p.runs().archiveFinishedBefore(T0.plusSeconds(10), T0.plusSeconds(100_000));
            addFinished(p, "rlive", 5, T0.plusSeconds(1_000));
        });
        try (TestApp.Launched app = launchUntilOlderRunsOffered(file)) {
            ProjectSession session = app.get(ProjectSession.class);
            assertThat(fx(() -> robot.lookup("#olderRunsButton").queryButton().getText())).isEqualTo("Show Archived Runs");
            assertThat(fx(() -> session.runs().size())).isEqualTo(5);
            robot.clickOn("#olderRunsButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().size()) == 8);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#olderRunsButton").query().isVisible()));
        }
    }

    /** A test project {@code name} in the home, filled by {@code fill} and closed again. */
    private Path project(String name, Consumer<Project> fill) {
        Path file = home.resolve(name);
        TestProjects.create(file);
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            fill.accept(p);
        }
        return file;
    }

    /** The window on {@code file}, once its runs panel offers older runs. */
    private TestApp.Launched launchUntilOlderRunsOffered(Path file) throws Exception {
        TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString());
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#olderRunsButton").query().isVisible()));
            return app;
        } catch (Exception | AssertionError e) {
            app.close();
            throw e;
        }
    }

    /** {@code n} succeeded runs {@code prefix00001}… a second apart from {@code t0}, in one transaction. */
    private static void addFinished(Project p, String prefix, int n, Instant t0) {
        p.transaction(() -> {
            for (int i = 1; i <= n; i++) {
                Run r = Run.requested(String.format("%s%05d", prefix, i), TestProjects.LECTURE, "seg-2", null, null, null, null, t0.plusSeconds(i));
                p.runs().insert(r);
                p.runs().update(r.withStatus(RunStatus.SUCCEEDED, t0.plusSeconds(i), "done"));
            }
            return null;
        });
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
