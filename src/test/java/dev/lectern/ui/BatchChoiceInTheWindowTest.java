package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Project;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FxScreenshots;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Choosing the segments of a batch in the real window (issue 17): two segments picked with Ctrl-click and
 * Segment ▸ Regenerate Selected…, and the Regenerate Whole Lecture dialog's filters, which say how many they pick.
 */
class BatchChoiceInTheWindowTest {
    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void twoSegmentsSelectedWithCtrlClickAreRegeneratedAsABatchOfTwo() throws Exception {
        Path file = sample("two.lectern");
        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size()) > 3);
            ListView<?> list = robot.lookup("#segmentList").queryListView();
            robot.clickOn(cell(list, 1));
            robot.press(KeyCode.CONTROL).clickOn(cell(list, 3)).release(KeyCode.CONTROL);
            assertThat(fx(() -> list.getSelectionModel().getSelectedIndices())).containsExactlyInAnyOrder(1, 3);

            robot.clickOn("Segment").clickOn("Regenerate 2 Selected Segments…");
            DialogPane ask = dialog();
            assertThat(fx(ask::getHeaderText)).isEqualTo("Regenerate 2 segments");
            assertThat(fx(ask::getContentText)).contains("the 2 selected segments");
            robot.clickOn(fx(() -> (Button) ask.lookupButton(ButtonType.OK)));

            Project p = fx(session::project);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> p.batches().list().size() == 1);
            Batch batch = p.batches().list().get(0);
            assertThat(batch.total()).isEqualTo(2);
            assertThat(p.runs().inBatch(batch.id())).extracting(Run::segmentId).containsExactly("seg-02", "seg-04");
            // before the window closes: both drawn, waiting for review
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> p.batches().list().get(0).count(RunStatus.AWAITING_REVIEW) == 2);
        }
    }

    @Test
    void theLectureDialogsFiltersSayHowManySegmentsTheyPickAndNoneMeansNoBatch() throws Exception {
        Path file = sample("filters.lectern");
        try (TestApp.Launched app = TestApp.launch(home, b -> { }, file.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size()) > 3);
            int segments = fx(() -> session.store().segments().size());

            robot.clickOn("Segment").clickOn("Regenerate Whole Lecture…");
            DialogPane ask = dialog();
            Button ok = fx(() -> (Button) ask.lookupButton(ButtonType.OK));
            awaitCount(ask, "Regenerates all " + segments + " segments.");
            assertThat(fx(ok::getText)).isEqualTo("Regenerate " + segments);

            robot.clickOn("#olderCheck"); // the sample's images were drawn today: none is older than today
            awaitCount(ask, "No segment of lecture sample-photosynthesis has an image older than " + java.time.LocalDate.now() + ".");
            assertThat(fx(ok::isDisabled)).as("nothing to confirm").isTrue();
            robot.clickOn("#olderCheck");

            ComboBox<?> models = robot.lookup("#madeByModel").queryComboBox();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> List.copyOf(models.getItems())).equals(List.of("titlecard")));
            robot.clickOn("#madeByCheck").clickOn("#titleCardsCheck");
            awaitCount(ask, "Regenerates all " + segments + " segments.");
            robot.interact(() -> FxScreenshots.saveIfRequested(ask.getScene(), "batch-filters"));
            assertThat(fx(() -> ((CheckBox) ask.lookup("#titleCardsCheck")).isSelected())).isTrue();

            robot.clickOn("#olderCheck");
            awaitCount(ask, "No segment of lecture sample-photosynthesis has an image older than " + java.time.LocalDate.now()
                    + " and an image made by titlecard and a title card.");
            robot.clickOn(fx(() -> (Button) ask.lookupButton(ButtonType.CANCEL)));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(session::project).batches().list()).isEmpty();
        }
    }

    private Path sample(String name) {
        Path file = home.resolve(name);
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=160", "image.height=90").exitCode()).isZero();
        return file;
    }

    private javafx.scene.Node cell(ListView<?> list, int index) throws Exception {
        return fx(() -> robot.from(list).lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getIndex() == index && c.isVisible()).findFirst().orElseThrow());
    }

    private DialogPane dialog() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static void awaitCount(DialogPane ask, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> ((Label) ask.lookup("#batchCount")).getText()).equals(text));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
