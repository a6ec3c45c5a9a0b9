package dev.lectern.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lectern.testing.FxStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Window preferences survive restarts, and a bad file never stops the window from opening. */
class UiPreferencesTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final AtomicReference<Stage> opened = new AtomicReference<>();

    @BeforeAll
    static void startFx() throws Exception {
        FxStart.withAtlantaFx();
    }

    @AfterEach
    void closeStage() {
        robot.interact(() -> {
            if (opened.get() != null) {
                opened.get().close();
            }
        });
    }

    private Path file() {
        return dir.resolve(UiPreferences.FILE_NAME);
    }

    @Test
    void aMissingFileGivesDefaults() {
        UiPreferences preferences = new UiPreferences(file());
        assertThat(preferences.darkTheme()).isFalse();
        assertThat(preferences.mainWindow()).isEmpty();
        assertThat(preferences.dividers("main")).isEmpty();
    }

    @Test
    void aDamagedFileFallsBackToDefaultsAndIsReplacedOnTheNextSave() throws Exception {
        Files.writeString(file(), "{\"theme\": \"dark\", \"mainWindow\": {\"x\": ");
        UiPreferences preferences = new UiPreferences(file());
        assertThat(preferences.darkTheme()).isFalse();
        assertThat(preferences.mainWindow()).isEmpty();

        preferences.setDividers("main", new double[] {0.4});
        preferences.flush();
        assertThat(new UiPreferences(file()).dividers("main")).hasValueSatisfying(p -> assertThat(p).containsExactly(0.4));
    }

    @Test
    void aWrongFieldLosesOnlyThatField() throws Exception {
        Files.writeString(file(), """
                {"theme": "dark", "mainWindow": {"x": "left", "y": 0, "width": 800, "height": 600},
                 "dividers": {"main": [0.3], "bad": [7], "worse": "x"}}""");
        UiPreferences preferences = new UiPreferences(file());
        assertThat(preferences.darkTheme()).isTrue();
        assertThat(preferences.mainWindow()).isEmpty();
        assertThat(preferences.dividers("main")).hasValueSatisfying(p -> assertThat(p).containsExactly(0.3));
        assertThat(preferences.dividers("bad")).isEmpty();
        assertThat(preferences.dividers("worse")).isEmpty();
    }

    @Test
    void windowBoundsAreSavedAndRestored() {
        UiPreferences first = new UiPreferences(file());
        Stage stage = showStage(first);
        robot.interact(() -> {
            stage.setX(110);
            stage.setY(70);
            stage.setWidth(640);
            stage.setHeight(480);
            stage.close();
        });
        first.flush();
        assertThat(new UiPreferences(file()).mainWindow()).contains(new WindowBounds(110, 70, 640, 480, false));

        Stage again = showStage(new UiPreferences(file()));
        assertThat(again.getX()).isEqualTo(110);
        assertThat(again.getY()).isEqualTo(70);
        assertThat(again.getWidth()).isEqualTo(640);
        assertThat(again.getHeight()).isEqualTo(480);
    }

    @Test
    void boundsOnAScreenThatIsGoneAreNotRestored() throws Exception {
        Files.writeString(file(), """
                {"mainWindow": {"x": 40000, "y": 30000, "width": 640, "height": 480, "maximized": false}}""");
        Stage stage = showStage(new UiPreferences(file()));
        assertThat(stage.getX()).isLessThan(10000);
        assertThat(stage.getY()).isLessThan(10000);
    }

    @Test
    void aDividerPositionIsSavedAndRestored() {
        UiPreferences first = new UiPreferences(file());
        SplitPane pane = new SplitPane(new Label("left"), new Label("right"));
        robot.interact(() -> {
            first.remember("main", pane);
            pane.setDividerPositions(0.27);
        });
        first.flush();

        UiPreferences second = new UiPreferences(file());
        assertThat(second.dividers("main")).hasValueSatisfying(p -> assertThat(p[0]).isCloseTo(0.27, within(1e-9)));
        SplitPane restored = new SplitPane();
        robot.interact(() -> {
            second.remember("main", restored);
            restored.getItems().addAll(new Label("left"), new Label("right")); // items after remember(): restored when the divider appears
        });
        assertThat(restored.getDividerPositions()[0]).isCloseTo(0.27, within(1e-9));
    }

    private Stage showStage(UiPreferences preferences) {
        robot.interact(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(new Label("window")), 300, 200));
            preferences.remember(stage);
            stage.show();
            opened.set(stage);
        });
        return opened.get();
    }
}
