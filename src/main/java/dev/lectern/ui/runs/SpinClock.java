package dev.lectern.ui.runs;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.util.Duration;

/**
 * One stepped turn shared by every {@link WorkingIndicator} in the runs panel: eight steps a second, and only
 * while one is on screen. Twenty rows each animating a spinner at sixty frames a second kept the renderer, and
 * with it the UI thread, busy (issue 4); eight small redraws a second show the same thing.
 */
final class SpinClock {
    static final int STEPS_PER_TURN = 8;
    static final Duration STEP = Duration.millis(125);

    private final ReadOnlyDoubleWrapper angle = new ReadOnlyDoubleWrapper();
    private final Timeline steps = new Timeline(new KeyFrame(STEP,
            e -> angle.set((angle.get() + 360.0 / STEPS_PER_TURN) % 360)));
    private int shown;

    SpinClock() {
        steps.setCycleCount(Animation.INDEFINITE);
    }

    ReadOnlyDoubleProperty angleProperty() {
        return angle.getReadOnlyProperty();
    }

    /** An indicator came on screen. */
    void acquire() {
        if (shown++ == 0) {
            steps.play();
        }
    }

    /** An indicator left the screen. */
    void release() {
        if (shown > 0 && --shown == 0) {
            steps.stop();
        }
    }
}
