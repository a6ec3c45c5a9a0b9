package dev.lectern.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark: AtlantaFX's Primer themes as the user-agent stylesheet, so every control (and every app
 * stylesheet built on AtlantaFX's colour variables) follows. The choice is kept in {@link UiPreferences}.
 */
@Singleton
public final class Theme {
    private static final String LIGHT = new PrimerLight().getUserAgentStylesheet();
    private static final String DARK = new PrimerDark().getUserAgentStylesheet();

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    @Inject
    public Theme(UiPreferences preferences) {
        dark.set(preferences.darkTheme());
        dark.addListener((o, was, isDark) -> {
            apply();
            preferences.setDarkTheme(isDark);
        });
    }

    /** Applies the saved choice; call on the FX thread before the first window is shown. */
    public void apply() {
        Application.setUserAgentStylesheet(stylesheet());
    }

    public String stylesheet() {
        return dark.get() ? DARK : LIGHT;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    public void toggle() {
        dark.set(!dark.get());
    }
}
