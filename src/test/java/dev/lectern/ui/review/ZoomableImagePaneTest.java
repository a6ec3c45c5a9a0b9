package dev.lectern.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ui.common.SpinClock;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** An image pane's loading sign: none for a quick load, a turning icon for a slow one, gone when the load ends. */
class ZoomableImagePaneTest {
    private final FxRobot robot = new FxRobot();
    private ZoomableImagePane pane;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            pane = new ZoomableImagePane();
            stage.setScene(new Scene(new StackPane(pane), 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node spinner() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> pane.lookup(".review-spinner")).get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSlowLoadShowsATurningSignUntilItEnds() throws Exception {
        robot.interact(() -> pane.loadingProperty().set(true));
        assertThat(spinner()).as("nothing flashes for a quick load").isNull();

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> spinner() != null && spinner().isVisible());
        Node sign = spinner();
        assertThat(sign.getAccessibleText()).isEqualTo("Loading the image");
        double first = sign.getRotate();
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> sign.getRotate() != first);

        robot.interact(() -> pane.loadingProperty().set(false));
        assertThat(sign.isVisible()).isFalse();
        double stopped = sign.getRotate();
        Thread.sleep(4 * (long) SpinClock.STEP.toMillis());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sign.getRotate()).as("a hidden sign stops turning").isEqualTo(stopped);
    }

    @Test
    void aLoadThatEndsBeforeTheDelayShowsNoSign() throws Exception {
        robot.interact(() -> pane.loadingProperty().set(true));
        robot.interact(() -> pane.loadingProperty().set(false));
        Thread.sleep((long) ZoomableImagePane.SPINNER_DELAY.toMillis() + 200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spinner()).isNull();
    }
}
