package dev.lectern.provider;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits between retries and polls; injected so that tests run fast and can see what was waited for. */
@FunctionalInterface
public interface Sleeper {
    /** Waits {@code duration}, or less if {@code cancelled} becomes true meanwhile. */
    void sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException;

    /** The real one: sleeps in short slices so a cancel is noticed within 100 ms. */
    Sleeper SYSTEM = (duration, cancelled) -> {
        long end = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0 && !cancelled.getAsBoolean()) {
            Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
        }
    };
}
