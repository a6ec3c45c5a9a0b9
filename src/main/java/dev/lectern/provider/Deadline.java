package dev.lectern.provider;

import java.time.Duration;

/** The end of one whole client call (all attempts and polls), measured on the monotonic clock. */
final class Deadline {
    private final long endNanos;
    private final Duration limit;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    Duration limit() {
        return limit;
    }

    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }
}
