package dev.lectern.ui.common;

import dev.lectern.provider.UserDirectories;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-user window preferences in {@code <configDir>/ui-preferences.json}: theme, main window bounds, split
 * pane dividers. Changes are saved shortly after they stop (a dragged window fires hundreds of events), on
 * one background thread, atomically.
 *
 * <p>The file is read on first use: get this in {@code Application.init()} so the read is not on the FX
 * thread. Call {@link #flush()} in {@code Application.stop()} so the last change is on disk before exit.
 */
@Singleton
public final class UiPreferences {
    public static final String FILE_NAME = "ui-preferences.json";
    static final Duration SAVE_DELAY = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);

    private final UiPreferencesFile file;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lectern-ui-preferences");
        t.setDaemon(true);
        return t;
    });
    private UiPreferencesFile.Values values;
    private ScheduledFuture<?> pendingSave;

    @Inject
    public UiPreferences(UserDirectories directories) {
        this(directories.configDir().resolve(FILE_NAME));
    }

    public UiPreferences(Path file) {
        this.file = new UiPreferencesFile(file);
    }

    public Path file() {
        return file.path();
    }

    public synchronized boolean darkTheme() {
        return values().dark;
    }

    public void setDarkTheme(boolean dark) {
        update(v -> v.dark = dark);
    }

    public synchronized Optional<WindowBounds> mainWindow() {
        return Optional.ofNullable(values().mainWindow);
    }

    public void setMainWindow(WindowBounds bounds) {
        update(v -> v.mainWindow = bounds);
    }

    /** The saved divider positions of a named split pane (fractions 0–1), if any. */
    public synchronized Optional<double[]> dividers(String name) {
        return Optional.ofNullable(values().dividers.get(name)).map(double[]::clone);
    }

    public void setDividers(String name, double[] positions) {
        double[] copy = positions.clone();
        update(v -> v.dividers.put(name, copy));
    }

    /**
     * Restores the stage's bounds when they still fit on a screen (a monitor may have gone), then saves them
     * as they change, and at once when the stage closes. Call on the FX thread before {@code show()}.
     */
    public void remember(Stage stage) {
        new StageMemory(this, stage).attach();
    }

    /** Restores the named pane's dividers and saves them as they move. Call on the FX thread. */
    public void remember(String name, SplitPane pane) {
        new SplitPaneMemory(this, name, pane).attach();
    }

    /** Waits (briefly) until every change so far is on disk. */
    public void flush() {
        try {
            writer.submit(this::saveNow).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("window preferences were not saved: {}", e.toString());
        }
    }

    /** Saves without waiting for the debounce (a closing window). */
    void saveSoon() {
        schedule(0);
    }

    private void update(java.util.function.Consumer<UiPreferencesFile.Values> change) {
        synchronized (this) {
            change.accept(values());
        }
        schedule(SAVE_DELAY.toMillis());
    }

    private synchronized void schedule(long delayMillis) {
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        pendingSave = writer.schedule(this::saveNow, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void saveNow() {
        UiPreferencesFile.Values snapshot;
        synchronized (this) {
            snapshot = values().copy();
        }
        try {
            file.write(snapshot);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not save window preferences to {}: {}", file.path(), e.toString());
        }
    }

    private UiPreferencesFile.Values values() {
        if (values == null) {
            values = file.read();
        }
        return values;
    }
}
