package dev.lectern.ui.runs;

import static dev.lectern.ui.runs.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import dev.lectern.testing.FxScreenshots;
import dev.lectern.testing.ListRows;
import dev.lectern.ui.common.SpinClock;
import dev.lectern.ui.common.WorkingIndicator;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The runs panel in a window: badges, the selected run's actions, live updates, the empty state. */
class RunsPanelTest {
    private final FxRobot robot = new FxRobot();
    private final RecordingActions actions = new RecordingActions();
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private Injector injector;
    private Stage stage;

    @BeforeEach
    void setUp() throws Exception {
        injector = Guice.createInjector(b -> b.bind(Clock.class).toInstance(Clock.fixed(TestRuns.T0.plusSeconds(3600), ZoneOffset.UTC)));
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void show(List<Run> initial) throws Exception {
        runs.setAll(initial);
        RunsPanel panel = injector.getInstance(RunsPanel.class);
        FxToolkit.setupSceneRoot(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return panel.create(runs, actions, r -> "Segment " + r.segmentId().substring(4)).root();
        });
        robot.interact(() -> {
            stage.setWidth(460);
            stage.setHeight(780); // within Monocle's 1280×800 screen, or its painter overflows
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RunCell cell(String runId) {
        return robot.lookup(".run-cell").queryAllAs(RunCell.class).stream()
                .filter(c -> c.run() != null && c.run().id().equals(runId)).findFirst()
                .orElseThrow(() -> new AssertionError("no visible row for " + runId));
    }

    /** Visible on screen: in the scene, and it and every parent visible (ListView hides the placeholder's parent). */
    private static boolean shown(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private Run selectedRun() {
        return robot.lookup("#runList").<RunsRow>queryListView().getSelectionModel().getSelectedItem() instanceof RunsRow.Line l ? l.run() : null;
    }

    private static StatusBadge badgeOf(RunCell cell) {
        return (StatusBadge) cell.lookup(".run-badge");
    }

    private Button button(String id) {
        return robot.lookup(id).queryButton();
    }

    @Test
    void everyRunNewestFirstWithItsBadgeAndASpinnerOnlyWhileItWorks() throws Exception {
        show(TestRuns.onePerStatus());
        ListView<RunsRow> list = robot.lookup("#runList").queryListView();
        assertThat(list.getItems()).extracting(r -> ((RunsRow.Line) r).run().id()).containsExactly("run-7", "run-6", "run-5", "run-4", "run-3", "run-2", "run-1");
        Map<RunStatus, String> expected = Map.of(RunStatus.QUEUED, "Queued", RunStatus.RUNNING, "Running",
                RunStatus.AWAITING_REVIEW, "Awaiting review", RunStatus.SUCCEEDED, "Succeeded", RunStatus.FAILED, "Failed",
                RunStatus.CANCELLED, "Cancelled", RunStatus.EXPIRED, "Expired");
        for (Run r : runs) {
            RunCell cell = cell(r.id());
            StatusBadge badge = badgeOf(cell);
            assertThat(badge.getText()).isEqualTo(expected.get(r.status()));
            assertThat(badge.getPseudoClassStates()).contains(StatusBadge.state(r.status()))
                    .filteredOn(p -> Arrays.stream(RunStatus.values()).map(StatusBadge::state).anyMatch(p::equals)).hasSize(1);
            assertThat(cell.lookup(".run-working").isVisible()).as("spinner for " + r.status())
                    .isEqualTo(r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING);
            Node review = cell.lookup(".run-row-review"); // built the first time its row needs it
            assertThat(review != null && review.isVisible()).as("review button for " + r.status())
                    .isEqualTo(r.status() == RunStatus.AWAITING_REVIEW);
        }
        RunCell failed = cell("run-5");
        assertThat(((Label) failed.lookup(".run-segment")).getText()).isEqualTo("Segment 5");
        assertThat(((Label) failed.lookup(".run-message")).getText()).contains("content policy");
        assertThat(((Label) cell("run-4").lookup(".run-meta")).getText()).isEqualTo("local/sd-4 · today 08:04 · accepted");
        assertThat(robot.lookup("#runDetails").query().isVisible()).as("details only for a selected run").isFalse();
    }

    @Test
    void everyRowIsOneHeightThatHoldsItsContentWhateverItsStatus() throws Exception {
        show(TestRuns.onePerStatus()); // awaiting review adds the Review button to its row; failed has a long message
        int rows = WaitForAsyncUtils.asyncFx(() -> ListRows.assertEveryRowFitsTheFixedHeight(robot.lookup("#runList").queryListView()))
                .get(10, TimeUnit.SECONDS);
        assertThat(rows).isEqualTo(runs.size());
    }

    @Test
    void theSelectedRunsActionsFollowItsStatusAndActOnIt() throws Exception {
        show(TestRuns.onePerStatus());
        for (Run r : List.copyOf(runs)) {
            robot.clickOn(cell(r.id()));
            RunStatus s = r.status();
            assertThat(button("#cancelRunButton").isDisabled()).as("cancel disabled for " + s)
                    .isEqualTo(!(s == RunStatus.QUEUED || s == RunStatus.RUNNING || s == RunStatus.AWAITING_REVIEW));
            assertThat(button("#retryRunButton").isDisabled()).as("retry disabled for " + s)
                    .isEqualTo(!(s == RunStatus.FAILED || s == RunStatus.CANCELLED || s == RunStatus.EXPIRED));
            assertThat(button("#openReviewButton").isDisabled()).as("review disabled for " + s)
                    .isEqualTo(s != RunStatus.AWAITING_REVIEW);
            assertThat(robot.lookup("#runMessages").queryListView().getItems()).as("all messages of " + r.id())
                    .isEqualTo(r.messages());
            for (String id : List.of("#cancelRunButton", "#retryRunButton", "#openReviewButton")) {
                if (!button(id).isDisabled()) {
                    robot.clickOn(id);
                }
            }
        }
        assertThat(actions.calls).containsExactlyInAnyOrder(
                "cancel:run-1", "cancel:run-2", "cancel:run-3", "review:run-3",
                "retry:run-5", "retry:run-6", "retry:run-7");
        assertThat(robot.lookup("#detailError").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn(cell("run-5"));
        assertThat(robot.lookup("#detailError").queryAs(Label.class).getText()).contains("content policy");
        assertThat(robot.lookup("#detailMeta").queryAs(Label.class).getText()).contains("local/sd-5", "chosen in the editor", "run-5");
    }

    @Test
    void theRowReviewButtonAndADoubleClickOpenTheReview() throws Exception {
        show(TestRuns.onePerStatus());
        robot.clickOn(cell("run-3").lookup(".run-row-review"));
        assertThat(actions.calls).containsExactly("review:run-3");
        robot.doubleClickOn(cell("run-3"));
        assertThat(actions.calls).containsExactly("review:run-3", "review:run-3");
        robot.doubleClickOn(cell("run-2")); // running: nothing to review
        assertThat(actions.calls).hasSize(2);
    }

    @Test
    void aStatusChangeReRendersTheRowAndKeepsTheSelection() throws Exception {
        show(TestRuns.onePerStatus());
        robot.clickOn(cell("run-2"));
        assertThat(button("#openReviewButton").isDisabled()).isTrue();

        Object runningFill = badgeOf(cell("run-2")).getBackground().getFills().get(0).getFill();
        Run waiting = run(2, RunStatus.AWAITING_REVIEW);
        robot.interact(() -> runs.set(1, waiting));
        StatusBadge badge = badgeOf(cell("run-2"));
        assertThat(badge.getText()).isEqualTo("Awaiting review");
        assertThat(badge.getPseudoClassStates()).contains(StatusBadge.state(RunStatus.AWAITING_REVIEW))
                .doesNotContain(StatusBadge.state(RunStatus.RUNNING));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(badge.getBackground().getFills().get(0).getFill()).as("the waiting colour, not the running one")
                .isEqualTo(badgeOf(cell("run-3")).getBackground().getFills().get(0).getFill())
                .isNotEqualTo(runningFill);
        assertThat(cell("run-2").lookup(".run-working").isVisible()).isFalse();
        assertThat(selectedRun()).isSameAs(waiting);
        assertThat(button("#openReviewButton").isDisabled()).isFalse();
        assertThat(robot.lookup("#detailBadge").queryAs(StatusBadge.class).getText()).isEqualTo("Awaiting review");
        assertThat(robot.lookup("#runMessages").queryListView().getItems()).extracting(m -> ((RunMessage) m).text())
                .endsWith("Starting image ready for review");

        robot.interact(() -> FxScreenshots.saveIfRequested(stage.getScene(), "runs-panel"));
        robot.clickOn("#openReviewButton");
        assertThat(actions.given).containsExactly(waiting);

        Run newest = run(9, RunStatus.QUEUED);
        robot.interact(() -> runs.add(newest));
        assertThat(((RunsRow.Line) robot.lookup("#runList").queryListView().getItems().get(0)).run()).isSameAs(newest);
        assertThat(selectedRun()).as("still run-2").isSameAs(waiting);
    }

    @Test
    void theWorkingIconsTurnTogetherInStepsAndStopWhenNoRunWorks() throws Exception {
        show(TestRuns.onePerStatus());
        Node queued = cell("run-1").lookup(".run-working");
        Node running = cell("run-2").lookup(".run-working");
        assertThat(queued).isInstanceOf(WorkingIndicator.class);
        double first = running.getRotate();
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> running.getRotate() != first);
        // Both read in one FX event, so a step between two reads cannot split them.
        double[] both = WaitForAsyncUtils.asyncFx(() -> new double[] {running.getRotate(), queued.getRotate()}).get(5, TimeUnit.SECONDS);
        assertThat(both[0] % (360.0 / SpinClock.STEPS_PER_TURN)).as("whole steps, not a smooth turn").isZero();
        assertThat(both[1]).as("one clock for every row").isEqualTo(both[0]);

        robot.interact(() -> runs.replaceAll(r -> r.status().isTerminal() ? r : run(Integer.parseInt(r.id().substring(4)), RunStatus.CANCELLED)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(running)).isFalse();
        double stopped = running.getRotate();
        Thread.sleep(4 * (long) SpinClock.STEP.toMillis());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(running.getRotate()).as("the clock stops when no icon is on screen").isEqualTo(stopped);
    }

    @Test
    void anEmptyListSaysHowToStartAndGoesAwayWithTheFirstRun() throws Exception {
        show(List.of());
        Label empty = robot.lookup("#runsEmpty").queryAs(Label.class);
        assertThat(empty.getText()).isEqualTo("No regenerations yet. Select a segment and press Regenerate.");
        assertThat(shown(empty)).isTrue();
        robot.interact(() -> FxScreenshots.saveIfRequested(stage.getScene(), "runs-panel-empty"));

        robot.interact(() -> runs.add(run(1, RunStatus.QUEUED)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".run-cell").queryAllAs(RunCell.class).stream()
                .anyMatch(c -> c.run() != null));
        assertThat(shown(empty)).isFalse();
        assertThat(badgeOf(cell("run-1")).getText()).isEqualTo("Queued");
        assertThat(robot.lookup(".run-cell").queryAllAs(RunCell.class).stream().filter(c -> c.run() != null)
                .collect(Collectors.toList())).hasSize(1);
    }
}
