package dev.lectern.provider;

import java.time.Duration;

/**
 * Told when a provider answered 429 and how long it asked to be left alone, before the call waits out its own
 * retry: the queue of runs holds every other call to that provider meanwhile, so a storm slows the queue instead
 * of each run spending its retries on it.
 */
@FunctionalInterface
public interface RateLimitListener {
    RateLimitListener NONE = (providerId, wait) -> { };

    void slowDown(String providerId, Duration wait);
}
