package dev.lectern.testing;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.testfx.api.FxToolkit;

/** Starts the FX toolkit for a component test, with the theme the app runs with (its colour variables). */
public final class FxStart {
    private FxStart() {
    }

    public static void withAtlantaFx() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }
}
