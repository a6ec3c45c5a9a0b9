package dev.lectern.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * The knobs of the shared HTTP machinery that tests turn: retry policy, how to sleep, the jitter source, the
 * clock for HTTP-date {@code Retry-After}, and how often ComfyUI's history is polled.
 */
public record CallTuning(RetryPolicy retry, Sleeper sleeper, Random random, Clock clock, Duration pollInterval,
                         RateLimitListener rateLimits) {
    public CallTuning {
        Objects.requireNonNull(rateLimits);
        Objects.requireNonNull(retry);
        Objects.requireNonNull(sleeper);
        Objects.requireNonNull(random);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(pollInterval);
    }

    public CallTuning(RetryPolicy retry, Sleeper sleeper, Random random, Clock clock, Duration pollInterval) {
        this(retry, sleeper, random, clock, pollInterval, RateLimitListener.NONE);
    }

    public CallTuning withRateLimits(RateLimitListener listener) {
        return new CallTuning(retry, sleeper, random, clock, pollInterval, listener);
    }

    public static CallTuning defaults() {
        return new CallTuning(RetryPolicy.DEFAULT, Sleeper.SYSTEM, new Random(), Clock.systemUTC(),
                Duration.ofMillis(250));
    }
}
