package dev.lectern.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.common.ListWarmUp;
import dev.lectern.ui.common.SpinClock;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The runs panel's rows run through off screen: every status and the Review button, and no animation left behind. */
class RunListWarmUpTest {
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theRowsCoverEveryStatusAndThoseAwaitingReviewCanBeReviewed() {
        Set<RunStatus> statuses = RunListWarmUp.rows().stream().map(Run::status).collect(Collectors.toSet());
        assertThat(statuses).containsExactlyInAnyOrder(RunStatus.values());
        assertThat(RunListWarmUp.rows()).filteredOn(r -> r.status() == RunStatus.AWAITING_REVIEW)
                .isNotEmpty().allMatch(RunsViewModel::canOpenReview);
    }

    @Test
    void theWorkingSignsTurnWhileTheRowsAreUpAndStopWithTheRun() throws Exception {
        SpinClock spin = new SpinClock();
        Set<Double> angles = ConcurrentHashMap.newKeySet();
        ListWarmUp<RunsRow> warmUp = WaitForAsyncUtils.asyncFx(() -> {
            spin.angleProperty().addListener((o, was, now) -> angles.add(now.doubleValue()));
            ListView<RunsRow> shown = new ListView<>();
            shown.setFixedCellSize(62);
            return RunListWarmUp.of(shown, new HumanTime(Clock.systemUTC()), spin);
        }).get();
        robot.interact(() -> warmUp.start());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !warmUp.running()).get());
        assertThat(angles).as("queued and running rows showed a turning sign").isNotEmpty();

        double atEnd = WaitForAsyncUtils.asyncFx(() -> spin.angleProperty().get()).get();
        WaitForAsyncUtils.sleep(5 * (long) SpinClock.STEP.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(WaitForAsyncUtils.asyncFx(() -> spin.angleProperty().get()).get()).as("no row keeps the clock going").isEqualTo(atEnd);
    }
}
