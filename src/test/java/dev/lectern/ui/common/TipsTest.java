package dev.lectern.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A tip costs nothing until the pointer reaches its node; then it is an ordinary tooltip. */
class TipsTest {
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private Stage stage;

    @AfterEach
    void close() {
        robot.interact(stage::close); // its own window: the primary stage keeps the size the app tests expect
    }

    @Test
    void theTooltipIsMadeWhenThePointerFirstReachesTheNode() throws Exception {
        Button button = new Button("Zoom");
        Region swatch = new Region();
        swatch.setPrefSize(80, 40);
        robot.interact(() -> {
            Tips.setText(button, "Zoom in (Ctrl++)");
            Tips.setText(swatch, "The segment's colour");
            stage = new Stage();
            stage.setScene(new Scene(new VBox(20, button, swatch), 300, 200));
            stage.show();
        });
        assertThat(button.getTooltip()).as("no popup window made with the view").isNull();
        assertThat(button.getAccessibleHelp()).isEqualTo("Zoom in (Ctrl++)");
        assertThat(Tips.getText(swatch)).isEqualTo("The segment's colour");

        robot.moveTo(button);
        assertThat(button.getTooltip()).isNotNull();
        assertThat(button.getTooltip().getText()).isEqualTo("Zoom in (Ctrl++)");
        Tooltip first = button.getTooltip();

        robot.moveTo(swatch);
        assertThat(swatch.getProperties()).as("a plain node gets it installed").containsValue(lookupInstalled(swatch));
        robot.moveTo(button);
        assertThat(button.getTooltip()).as("made once, not on every visit").isSameAs(first);
    }

    private static Tooltip lookupInstalled(Region node) {
        return node.getProperties().values().stream().filter(Tooltip.class::isInstance).map(Tooltip.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no tooltip installed on " + node));
    }
}
