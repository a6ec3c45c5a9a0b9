package dev.lectern.ui.runs;

import static dev.lectern.ui.runs.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.testing.FxScreenshots;
import dev.lectern.testing.ListRows;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A batch's card in the runs list (issue 17): its chevron shows its runs under it, indented, and hides them again;
 * collapsed, they are nowhere in the list; expanded, a run's status change shows inside the batch, and the card
 * stays open while its counts change.
 */
class BatchCardTest {
    private static final String BATCH = "b-four";
    private final FxRobot robot = new FxRobot();
    /** run-1, run-2 and run-7 are of no batch; run-3 to run-6 are the batch's, queued in that order. */
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();
    private final List<String> members = List.of("run-3", "run-4", "run-5", "run-6");
    private Stage stage;

    @BeforeEach
    void setUp() throws Exception {
        Injector injector = Guice.createInjector(b -> b.bind(Clock.class).toInstance(Clock.fixed(TestRuns.T0.plusSeconds(3600), ZoneOffset.UTC)));
        stage = FxToolkit.registerPrimaryStage();
        runs.setAll(run(1, RunStatus.SUCCEEDED), run(2, RunStatus.FAILED), run(3, RunStatus.AWAITING_REVIEW), run(4, RunStatus.RUNNING),
                run(5, RunStatus.QUEUED), run(6, RunStatus.QUEUED), run(7, RunStatus.QUEUED));
        batches.setAll(batch());
        RunsPanel panel = injector.getInstance(RunsPanel.class);
        FxToolkit.setupSceneRoot(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return panel.create(runs, batches, id -> id.equals(BATCH) ? members : List.of(), BatchActions.NONE, OlderRuns.NONE, new RecordingActions(),
                    r -> "Segment " + r.segmentId().substring(4)).root();
        });
        robot.interact(() -> {
            stage.setWidth(460);
            stage.setHeight(780);
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theChevronShowsTheBatchsRunsUnderItAndHidesThemAgain() throws Exception {
        assertThat(rows()).as("collapsed: the card, and only the runs of no batch")
                .containsExactly("run-7", "batch " + BATCH, "run-2", "run-1");

        robot.clickOn(robot.lookup("#batch-" + BATCH).lookup("#batchChevron").queryButton());
        assertThat(rows()).as("expanded: its runs under it, in the order they were queued, indented")
                .containsExactly("run-7", "batch " + BATCH, "  run-3", "  run-4", "  run-5", "  run-6", "run-2", "run-1");
        assertThat(fx(() -> ListRows.assertEveryRowFitsTheFixedHeight(robot.lookup("#runList").queryListView())))
                .as("the card and the indented runs keep the one row height").isEqualTo(8);
        robot.interact(() -> FxScreenshots.saveIfRequested(stage.getScene(), "runs-panel-batch"));

        robot.interact(() -> {
            runs.set(4, run(5, RunStatus.RUNNING));
            batches.setAll(batch(RunStatus.AWAITING_REVIEW, RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.QUEUED));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge("run-5")).as("the status change shows inside the expanded batch").isEqualTo("Running");
        assertThat(rows()).as("still open after its counts changed")
                .containsExactly("run-7", "batch " + BATCH, "  run-3", "  run-4", "  run-5", "  run-6", "run-2", "run-1");

        robot.clickOn(robot.lookup("#batch-" + BATCH).lookup("#batchChevron").queryButton());
        assertThat(rows()).containsExactly("run-7", "batch " + BATCH, "run-2", "run-1");

        robot.interact(batches::clear); // its runs all answered: no card, and its runs are ordinary rows again
        assertThat(rows()).containsExactly("run-7", "run-6", "run-5", "run-4", "run-3", "run-2", "run-1");
    }

    @Test
    void enterOnASelectedCardOpensItAndItsRunsCanBeSelected() throws Exception {
        robot.interact(() -> robot.lookup("#runList").<RunsRow>queryListView().getSelectionModel().select(1));
        robot.clickOn(robot.lookup("#batch-" + BATCH).lookup(".batch-title").<javafx.scene.Node>query());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        assertThat(rows()).contains("  run-3", "  run-6");
        robot.clickOn(robot.lookup(".run-cell").queryAllAs(RunCell.class).stream()
                .filter(c -> c.run() != null && c.run().id().equals("run-4")).findFirst().orElseThrow());
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("Segment 4");
    }

    /** The list as it reads: "batch ID" for a card, the run's id for a run, indented under its batch. */
    private List<String> rows() throws Exception {
        return fx(() -> {
            ListView<RunsRow> list = robot.lookup("#runList").queryListView();
            List<String> out = new ArrayList<>();
            for (RunsRow r : list.getItems()) {
                out.add(r instanceof RunsRow.Card c ? "batch " + c.batch().id()
                        : (((RunsRow.Line) r).inBatch() ? "  " : "") + ((RunsRow.Line) r).run().id());
            }
            return out;
        });
    }

    private String badge(String runId) throws Exception {
        return fx(() -> robot.lookup(".run-cell").queryAllAs(RunCell.class).stream().filter(c -> c.run() != null && c.run().id().equals(runId))
                .map(c -> ((StatusBadge) c.lookup(".run-badge")).getText()).findFirst().orElseThrow());
    }

    /** The batch started just before its first run, its runs in the given statuses (by default as set up). */
    private static Batch batch(RunStatus... statuses) {
        RunStatus[] s = statuses.length > 0 ? statuses
                : new RunStatus[] {RunStatus.AWAITING_REVIEW, RunStatus.RUNNING, RunStatus.QUEUED, RunStatus.QUEUED};
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        for (RunStatus status : s) {
            counts.merge(status, 1, Integer::sum);
        }
        return new Batch(BATCH, "lec", TestRuns.T0.plusSeconds(3 * 60 - 1), false, false, counts);
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
