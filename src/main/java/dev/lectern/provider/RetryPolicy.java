package dev.lectern.provider;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: attempt n waits a random time in [0, min(max, base·2ⁿ)], so that many
 * clients that failed together do not come back together. A server's {@code Retry-After} wins over this.
 */
public record RetryPolicy(Duration baseDelay, Duration maxDelay, int maxRetries) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 4);

    public RetryPolicy {
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetries < 0) {
            throw new IllegalArgumentException("retry policy values must not be negative");
        }
    }

    /** The wait before retry number {@code retry} (0 = the first retry). */
    public Duration backoff(int retry, Random random) {
        long cap = baseDelay.toMillis() << Math.min(retry, 20);
        long ceiling = Math.min(maxDelay.toMillis(), cap < 0 ? Long.MAX_VALUE : cap);
        return Duration.ofMillis(ceiling <= 0 ? 0 : (long) (random.nextDouble() * (ceiling + 1)));
    }
}
