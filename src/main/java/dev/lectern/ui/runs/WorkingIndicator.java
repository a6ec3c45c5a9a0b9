package dev.lectern.ui.runs;

import javafx.beans.binding.BooleanBinding;
import org.kordamp.ikonli.javafx.FontIcon;

/** A run row's "working" sign: an icon turned by the panel's {@link SpinClock} while it is visible in a window. */
final class WorkingIndicator extends FontIcon {
    private final BooleanBinding onScreen = visibleProperty().and(sceneProperty().isNotNull());

    WorkingIndicator(SpinClock clock) {
        super("mdal-autorenew");
        getStyleClass().add("run-working");
        setAccessibleText("Working");
        rotateProperty().bind(clock.angleProperty());
        // A recycled or discarded row leaves the scene without turning invisible: both end its share of the clock.
        onScreen.addListener((o, was, now) -> {
            if (now) {
                clock.acquire();
            } else {
                clock.release();
            }
        });
    }
}
