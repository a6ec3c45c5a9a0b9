package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FxScreenshots;
import dev.lectern.ui.common.Theme;
import dev.lectern.ui.main.ReviewFlow;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's screenshots, taken from the real app on the sample project, light and dark:
 * {@code mvn -q test -Dtest=ScreenshotsFixture -Dsurefire.failIfNoSpecifiedTests=false -Dlectern.screenshots=docs/screenshots}.
 */
class ScreenshotsFixture {
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void mainWindowReviewAndRunsInBothThemes() throws Exception {
        String out = System.getProperty("lectern.screenshots");
        assertThat(out).as("pass -Dlectern.screenshots=DIR").isNotBlank();
        Path file = home.resolve("Sample Lecture.lectern");
        CliRun.of("new", file, "--sample");
        String accepted = CliRun.of("regenerate", file, "seg-02", "--prompt", "A sunflower field at noon, bees in warm light").out().strip();
        CliRun.of("review", file, accepted, "--accept");
        CliRun.of("regenerate", file, "seg-05", "--model", "studio-gpu/sdxl");
        CliRun.of("regenerate", file, "seg-03", "--prompt", "Leaf cells under a microscope, glowing green chloroplasts", "--candidates", "4");
        String batch = CliRun.of("batch", file, "sample-photosynthesis", "--segments", "seg-06,seg-07,seg-08,seg-09", "--wait").out().strip();

        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.runs().size()) == 7);
            // the batch's card in the runs panel, opened to show its runs under it
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#batch-" + batch).tryQuery().isPresent());
            fx(() -> {
                robot.lookup("#batch-" + batch).lookup("#batchChevron").queryButton().fire();
                return null;
            });
            for (boolean dark : new boolean[] {false, true}) {
                String theme = dark ? "dark" : "light";
                fx(() -> {
                    app.get(Theme.class).setDark(dark);
                    ListView<?> list = robot.lookup("#segmentList").queryListView();
                    list.getSelectionModel().clearAndSelect(2);
                    robot.lookup("#prompt").queryAs(javafx.scene.control.TextArea.class).appendText(", with a scale bar");
                    return null;
                });
                settle();
                fx(() -> {
                    FxScreenshots.saveIfRequested(app.stage().getScene(), "main-window-" + theme);
                    StackPane runs = robot.lookup("#runsHolder").queryAs(StackPane.class);
                    saveNode(runs, "runs-panel-" + theme);
                    return null;
                });
                fx(() -> {
                    javafx.scene.control.TabPane tabs = robot.lookup(".segment-editor").queryAs(javafx.scene.control.TabPane.class);
                    tabs.getSelectionModel().select(1); // History
                    return null;
                });
                settle();
                fx(() -> {
                    FxScreenshots.saveIfRequested(app.stage().getScene(), "history-panel-" + theme);
                    robot.lookup(".segment-editor").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(0);
                    return null;
                });
                Run waiting = fx(() -> session.runs().stream().filter(r -> r.status() == RunStatus.AWAITING_REVIEW && r.candidates().size() == 4)
                        .findFirst().orElseThrow());
                fx(() -> {
                    app.get(ReviewFlow.class).openReview(waiting);
                    return null;
                });
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> app.get(ReviewFlow.class).reviewing().isPresent()));
                settle();
                fx(() -> {
                    FxScreenshots.saveIfRequested(app.stage().getScene(), "review-dialog-" + theme);
                    robot.lookup("#laterButton").queryButton().fire(); // closed unanswered: the next theme reviews it again
                    app.get(ProjectSession.class).store().undo();
                    return null;
                });
            }
        }
        assertThat(Path.of(out, "main-window-dark.png")).exists();
    }

    private static void saveNode(javafx.scene.Node node, String name) {
        // On the window's own background: the default white would show a dark theme's light text on white.
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        if (node.getScene().getRoot() instanceof javafx.scene.layout.Region root && root.getBackground() != null
                && !root.getBackground().getFills().isEmpty()) {
            params.setFill(root.getBackground().getFills().get(0).getFill());
        }
        javafx.scene.image.WritableImage shot = node.snapshot(params, null);
        Scene holder = new Scene(new StackPane(new javafx.scene.image.ImageView(shot)), shot.getWidth(), shot.getHeight());
        FxScreenshots.saveIfRequested(holder, name);
    }

    private static void settle() throws Exception {
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
