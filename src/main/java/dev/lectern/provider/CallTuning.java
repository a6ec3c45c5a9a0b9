package dev.lectern.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * The knobs of the shared HTTP machinery that tests turn: retry policy, how to sleep, the jitter source, the
 * clock for HTTP-date {@code Retry-After}, and how often ComfyUI's history is polled.
 */
public record CallTuning(RetryPolicy retry, Sleeper sleeper, Random random, Clock clock, Duration pollInterval) {
    public CallTuning {
        Objects.requireNonNull(retry);
        Objects.requireNonNull(sleeper);
        Objects.requireNonNull(random);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(pollInterval);
    }

    public static CallTuning defaults() {
        return new CallTuning(RetryPolicy.DEFAULT, Sleeper.SYSTEM, new Random(), Clock.systemUTC(),
                Duration.ofMillis(250));
    }
}
