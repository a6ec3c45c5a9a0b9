package dev.lectern.ui.common;

import javafx.beans.binding.BooleanBinding;
import org.kordamp.ikonli.javafx.FontIcon;

/** A "working" sign: an icon turned by its panel's {@link SpinClock} while it is visible in a scene. */
public final class WorkingIndicator extends FontIcon {
    private final BooleanBinding onScreen = visibleProperty().and(sceneProperty().isNotNull());

    public WorkingIndicator(SpinClock clock) {
        super("mdal-autorenew");
        getStyleClass().add("working-indicator");
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
