package dev.lectern.provider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** Remembers every wait it was asked for and returns at once, so retry tests take milliseconds. */
public final class RecordingSleeper implements Sleeper {
    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration, BooleanSupplier cancelled) {
        waits.add(duration);
    }
}
