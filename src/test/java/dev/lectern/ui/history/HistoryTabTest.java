package dev.lectern.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.VersionEntry;
import dev.lectern.testing.CliRun;
import dev.lectern.ui.TestApp;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The History tab in the real window: every version with its status, and Restore making an old one current (issue 16). */
class HistoryTabTest {
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void listsTheVersionsAndRestoresTheImportedOne() throws Exception {
        Path file = home.resolve("course.lectern");
        CliRun.of("new", file, "--sample");
        String accepted = CliRun.of("regenerate", file, "seg-01", "--prompt", "a leaf at noon").out().strip();
        CliRun.of("review", file, accepted, "--accept");
        String rejected = CliRun.of("regenerate", file, "seg-01", "--prompt", "a leaf at dusk").out().strip();
        CliRun.of("review", file, rejected, "--reject");

        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.store().lectureProperty().get() != null));
            fx(() -> {
                robot.lookup("#segmentList").queryListView().getSelectionModel().select(0);
                TabPane tabs = robot.lookup(".segment-editor").queryAs(TabPane.class);
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("History")).findFirst().orElseThrow());
                return null;
            });
            @SuppressWarnings("unchecked")
            ListView<VersionEntry> list = robot.lookup("#versionList").queryAs(ListView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> list.getItems().size() == 3));
            assertThat(fx(() -> statuses(list))).containsExactly("3:rejected", "2:current", "1:imported");
            VersionEntry newest = fx(() -> list.getItems().get(0));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rowHelp(0)).contains(newest.version().sha256()));
            assertThat(fx(() -> rowHelp(0))).as("the row's tip tells the rest").contains("Prompt: a leaf at dusk").contains("image/png");

            fx(() -> {
                list.getSelectionModel().select(2);
                robot.lookup("#restoreButton").queryButton().fire();
                return null;
            });

            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> list.getItems().size() == 4));
            assertThat(fx(() -> statuses(list))).containsExactly("4:current", "3:rejected", "2:accepted", "1:imported");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().stream()
                    .anyMatch(s -> s.video().id().equals("seg-01") && Integer.valueOf(4).equals(s.imageVersion()))));
            assertThat(fx(() -> robot.lookup("#restoreButton").queryButton().isDisabled()))
                    .as("nothing selected, or the current version: nothing to restore").isTrue();
        }
    }

    /** What the row of the {@code index}-th version tells in its tooltip (and to screen readers). */
    private String rowHelp(int index) {
        return robot.lookup("#versionList").queryAs(ListView.class).lookupAll(".list-cell").stream()
                .map(n -> (ListCell<?>) n).filter(c -> c.getIndex() == index && c.getGraphic() != null)
                .map(c -> String.valueOf(c.getGraphic().getAccessibleHelp())).findFirst().orElse("");
    }

    private static List<String> statuses(ListView<VersionEntry> list) {
        return list.getItems().stream().map(e -> e.version().version() + ":" + e.status().wireName()).toList();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
