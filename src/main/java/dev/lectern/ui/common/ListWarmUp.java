package dev.lectern.ui.common;

import java.util.List;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Scrolls a list that no window shows through its items, a few rows every frame, soon after start-up. In a
 * fresh JVM the code behind a list's rows (CSS, layout, text wrapping, the cells' own {@code updateItem}) is
 * still interpreted; an author's first fast scroll would pay for that on the UI thread (decision 0015). Each
 * step is a few milliseconds of the UI thread, so the window stays responsive while this runs.
 *
 * <p>The list lives in a scene of its own: nothing it does reaches the screen, and its cells must be made so
 * that they touch neither the project nor the disk.
 */
public final class ListWarmUp<T> {
    /** Rows a step brings in: as many as a fast scroll brings in per frame. */
    static final int ROWS_PER_STEP = 6;
    static final Duration STEP_EVERY = Duration.millis(20);

    private final ListView<T> list;
    private final List<T> items;
    private final List<String> stylesheets;
    private final double width;
    private final double height;
    /** A pause between steps, not a repeating timeline: that would run missed steps back to back after a slow one. */
    private final PauseTransition pause = new PauseTransition(STEP_EVERY);
    private boolean stopped;
    private StackPane holder;
    private int next;

    /**
     * @param list        a list made for this, with the cell factory and the fixed cell size of the one it stands in for
     * @param items       what the rows show; never shown on screen
     * @param stylesheets the window's, so that the rows are styled as the window's are
     */
    public ListWarmUp(ListView<T> list, List<T> items, List<String> stylesheets, double width, double height) {
        this.list = list;
        this.items = List.copyOf(items);
        this.stylesheets = List.copyOf(stylesheets);
        this.width = width;
        this.height = height;
        pause.setOnFinished(e -> {
            step();
            if (!stopped) {
                pause.playFromStart();
            }
        });
    }

    public void start() {
        pause.play();
    }

    /** Ends the run early (the window is closing); a finished run has stopped by itself. */
    public void stop() {
        stopped = true;
        pause.stop();
    }

    public boolean running() {
        return pause.getStatus() == Animation.Status.RUNNING;
    }

    /**
     * The first steps only build: the scene and the list's skin, then the first screenful of rows. Together they
     * took over 50 ms of the UI thread in one step.
     */
    private void step() {
        if (holder == null) {
            holder = new StackPane(list);
            Scene scene = new Scene(holder, width, height);
            scene.getStylesheets().setAll(stylesheets);
            holder.applyCss();
            list.getItems().setAll(items);
            return;
        }
        if (next < items.size()) {
            list.scrollTo(next);
            list.getSelectionModel().select(next);
        }
        holder.applyCss();
        holder.layout();
        next += ROWS_PER_STEP;
        if (next >= items.size() + ROWS_PER_STEP) {
            stop();
        }
    }
}
