package dev.lectern.ui.store;

import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads that drive regenerations. Separate from {@link dev.lectern.ui.common.Background} because a run can
 * wait minutes on an image server, and thumbnails must not queue behind it. Provider limits still apply.
 */
@Singleton
public final class RunExecutor {
    private final ExecutorService executor;

    public RunExecutor() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lectern-run-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // below the UI thread (on Linux with packaging/jvm.options, decision 0011)
            return t;
        });
    }

    public void execute(Runnable work) {
        executor.execute(work);
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
