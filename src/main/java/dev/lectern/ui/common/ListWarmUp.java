package dev.lectern.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
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
 * that they touch neither the project nor the disk. When the run ends the list leaves that scene and drops its
 * items, so no row keeps an animation going.
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
                pause.setDuration(STEP_EVERY);
                pause.playFromStart();
            }
        });
    }

    /**
     * A run through {@code offScreen} set up as {@code shown} is: its style classes, fixed row height and size, and
     * every stylesheet that reaches it (the scene's, then each enclosing pane's, nearest last, as CSS ranks them).
     */
    public static <T> ListWarmUp<T> standingInFor(ListView<T> shown, ListView<T> offScreen, List<T> items) {
        offScreen.getStyleClass().setAll(shown.getStyleClass());
        offScreen.setFixedCellSize(shown.getFixedCellSize());
        List<String> stylesheets = new ArrayList<>();
        for (Parent p = shown; p != null; p = p.getParent()) {
            stylesheets.addAll(0, p.getStylesheets());
        }
        if (shown.getScene() != null) {
            stylesheets.addAll(0, shown.getScene().getStylesheets());
        }
        return new ListWarmUp<>(offScreen, items, stylesheets, Math.max(shown.getWidth(), 240), Math.max(shown.getHeight(), 400));
    }

    public void start() {
        start(Duration.ZERO);
    }

    /** Starts later by {@code offset}: two runs started together, one offset by a frame, take turns frame by frame. */
    public void start(Duration offset) {
        if (!stopped) {
            pause.setDuration(STEP_EVERY.add(offset));
            pause.play();
        }
    }

    /** Ends the run early (the window is closing); a finished run has stopped by itself. */
    public void stop() {
        stopped = true;
        pause.stop();
        if (holder != null) {
            list.getItems().clear();
            holder.getChildren().clear();
        }
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
