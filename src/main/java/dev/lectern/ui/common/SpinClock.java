package dev.lectern.ui.common;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.util.Duration;

/**
 * One stepped turn shared by the {@link WorkingIndicator}s of a panel: eight steps a second, and only while one
 * is on screen. Twenty rows each animating a {@code ProgressIndicator} at sixty frames a second kept the
 * renderer, and with it the UI thread, busy (issue 4); eight small redraws a second show the same thing. The
 * first such indicator also took over 50 ms of the UI thread to build in a fresh JVM; an icon takes one.
 */
public final class SpinClock {
    public static final int STEPS_PER_TURN = 8;
    public static final Duration STEP = Duration.millis(125);

    private final ReadOnlyDoubleWrapper angle = new ReadOnlyDoubleWrapper();
    private final Timeline steps = new Timeline(new KeyFrame(STEP,
            e -> angle.set((angle.get() + 360.0 / STEPS_PER_TURN) % 360)));
    private int shown;

    public SpinClock() {
        steps.setCycleCount(Animation.INDEFINITE);
    }

    public ReadOnlyDoubleProperty angleProperty() {
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
