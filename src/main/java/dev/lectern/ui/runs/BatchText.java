package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How a batch's row reads: "7 of 12 ready · 1 failed · about 3 min left", and how full its bar is. */
final class BatchText {
    private BatchText() {
    }

    /** Runs that no longer wait for a call: ready for review, answered, failed or cancelled. */
    static int finished(Batch b) {
        return b.total() - b.pending();
    }

    static double progress(Batch b) {
        return b.total() == 0 ? 0 : (double) finished(b) / b.total();
    }

    /** @param queuePaused the whole queue is paused, which holds this batch's waiting runs too */
    static String summary(Batch b, Instant now, boolean queuePaused) {
        StringBuilder s = new StringBuilder();
        int ready = b.count(RunStatus.AWAITING_REVIEW);
        s.append(finished(b)).append(" of ").append(b.total()).append(" done");
        if (ready > 0) {
            s.append(" · ").append(ready).append(" to review");
        }
        if (b.count(RunStatus.FAILED) > 0) {
            s.append(" · ").append(b.count(RunStatus.FAILED)).append(" failed");
        }
        if ((b.paused() || queuePaused) && b.pending() > 0) {
            s.append(b.paused() ? " · paused, " : " · queue paused, ").append(b.pending()).append(" waiting");
        } else {
            eta(b, now).ifPresent(left -> s.append(" · ").append(left));
        }
        return s.toString();
    }

    /**
     * The time left at the pace so far: the batch's age over the runs finished, times the runs left. Only once one
     * has finished; a pace of one run is a guess, so it is said as one ("about").
     */
    static Optional<String> eta(Batch b, Instant now) {
        int done = finished(b);
        if (done == 0 || b.pending() == 0) {
            return Optional.empty();
        }
        Duration each = Duration.between(b.createdAt(), now).dividedBy(done);
        Duration left = each.multipliedBy(b.pending());
        long minutes = Math.round(left.toSeconds() / 60.0);
        return Optional.of(left.toSeconds() < 60 ? "under a minute left" : "about " + minutes + " min left");
    }
}
