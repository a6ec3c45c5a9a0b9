package dev.lectern.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The theme choice is applied as AtlantaFX's user-agent stylesheet and survives a restart. */
class ThemeTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void backToLight() {
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void toggleAppliesDarkAndANewInstanceReadsItBack() throws Exception {
        Path file = dir.resolve(UiPreferences.FILE_NAME);
        UiPreferences preferences = new UiPreferences(file);
        Theme theme = new Theme(preferences);
        assertThat(theme.isDark()).as("light without a preferences file").isFalse();

        robot.interact(theme::apply);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        robot.interact(theme::toggle);
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        preferences.flush();

        assertThat(Files.readString(file)).contains("\"theme\" : \"dark\"");
        Theme reopened = new Theme(new UiPreferences(file));
        assertThat(reopened.isDark()).isTrue();
        assertThat(reopened.stylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
    }

    @Test
    void toggleTwiceSavesLightAgain() throws Exception {
        Path file = dir.resolve(UiPreferences.FILE_NAME);
        UiPreferences preferences = new UiPreferences(file);
        Theme theme = new Theme(preferences);
        robot.interact(() -> {
            theme.toggle();
            theme.toggle();
        });
        preferences.flush();
        assertThat(new UiPreferences(file).darkTheme()).isFalse();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
    }
}
