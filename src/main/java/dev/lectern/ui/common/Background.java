package dev.lectern.ui.common;

import jakarta.inject.Singleton;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way the window does disk or network work: off the FX thread, with the result (or the error)
 * handed back on it. Daemon threads, so a closing window is never held open by them.
 */
@Singleton
public final class Background {
    private final ExecutorService executor;

    public Background() {
        AtomicInteger n = new AtomicInteger();
        // One core stays free for the FX thread and the renderer: decoding thumbnails on every core starves them.
        this.executor = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), r -> {
            Thread t = new Thread(r, "lectern-background-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY); // below the UI thread (on Linux with packaging/jvm.options, decision 0011)
            return t;
        });
    }

    public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            // The window is closing: late callbacks (a save finishing) must not start new work or fail.
            return CompletableFuture.failedFuture(new java.util.concurrent.CancellationException("Lectern is closing"));
        }
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor);
        future.whenComplete((value, error) -> Platform.runLater(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        }));
        return future;
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
