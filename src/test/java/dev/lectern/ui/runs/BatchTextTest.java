package dev.lectern.ui.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.RunStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a batch's row says: counts, and the time left at the pace so far. */
class BatchTextTest {
    static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theTimeLeftFollowsThePaceOfTheRunsFinished() {
        Batch b = new Batch("bxyz", "lec", T0, false, false, Map.of(RunStatus.AWAITING_REVIEW, 3, RunStatus.FAILED, 1,
                RunStatus.RUNNING, 2, RunStatus.QUEUED, 6));
        // 4 finished in 8 minutes: 2 min each, 8 left
        assertThat(BatchText.summary(b, T0.plusSeconds(480), false)).isEqualTo("4 of 12 done · 3 to review · 1 failed · about 16 min left");
        assertThat(BatchText.progress(b)).isEqualTo(4 / 12.0);
    }

    @Test
    void noGuessBeforeTheFirstRunAndNoneWhenPausedOrFinished() {
        Batch starting = new Batch("bxyz", "lec", T0, false, false, Map.of(RunStatus.QUEUED, 5));
        assertThat(BatchText.summary(starting, T0.plusSeconds(30), false)).isEqualTo("0 of 5 done");
        Batch paused = new Batch("bxyz", "lec", T0, true, false, Map.of(RunStatus.QUEUED, 2, RunStatus.AWAITING_REVIEW, 3));
        assertThat(BatchText.summary(paused, T0.plusSeconds(30), false)).isEqualTo("3 of 5 done · 3 to review · paused, 2 waiting");
        assertThat(BatchText.summary(starting, T0.plusSeconds(30), true)).as("held by the queue's pause").isEqualTo("0 of 5 done · queue paused, 5 waiting");
        Batch done = new Batch("bxyz", "lec", T0, false, false, Map.of(RunStatus.AWAITING_REVIEW, 2));
        assertThat(BatchText.summary(done, T0.plusSeconds(30), false)).isEqualTo("2 of 2 done · 2 to review");
        assertThat(BatchText.summary(done, T0.plusSeconds(30), true)).as("nothing left to hold").isEqualTo("2 of 2 done · 2 to review");
        Batch quick = new Batch("bxyz", "lec", T0, false, false, Map.of(RunStatus.SUCCEEDED, 10, RunStatus.QUEUED, 1));
        assertThat(BatchText.summary(quick, T0.plusSeconds(100), false)).endsWith("under a minute left");
    }
}
