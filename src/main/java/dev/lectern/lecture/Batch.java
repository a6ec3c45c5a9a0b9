package dev.lectern.lecture;

import java.time.Instant;
import java.util.Map;

/**
 * Regenerations of many segments of one lecture started together (issue 17). Its runs keep their own state; the
 * batch groups them, holds whether its queue is paused, and counts where they stand.
 *
 * @param counts how many of its runs are in each status
 */
public record Batch(String id, String lectureId, Instant createdAt, boolean paused, boolean cancelled, Map<RunStatus, Integer> counts) {
    public Batch {
        Ids.requireValid("batch id", id);
        counts = Map.copyOf(counts);
    }

    public int count(RunStatus status) {
        return counts.getOrDefault(status, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Runs that still have work before a review: queued or running. */
    public int pending() {
        return count(RunStatus.QUEUED) + count(RunStatus.RUNNING);
    }

    /** One word for where the batch stands, as the runs panel and {@code lectern batches} show it. */
    public String state() {
        if (cancelled) {
            return "cancelled";
        }
        if (pending() > 0) {
            return paused ? "paused" : "running";
        }
        return count(RunStatus.AWAITING_REVIEW) > 0 ? "awaiting_review" : "done";
    }
}
