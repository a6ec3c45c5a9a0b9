package dev.lectern.ui.common;

import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/** Restores a stage's bounds from {@link UiPreferences} and keeps them up to date. */
final class StageMemory {
    /** The part of the title bar that must be on a screen for the window to be reachable with the mouse. */
    private static final double GRAB_WIDTH = 100;
    private static final double GRAB_HEIGHT = 30;

    private final UiPreferences preferences;
    private final Stage stage;

    StageMemory(UiPreferences preferences, Stage stage) {
        this.preferences = preferences;
        this.stage = stage;
    }

    void attach() {
        preferences.mainWindow().ifPresent(this::restore);
        InvalidationListener save = o -> save();
        stage.xProperty().addListener(save);
        stage.yProperty().addListener(save);
        stage.widthProperty().addListener(save);
        stage.heightProperty().addListener(save);
        stage.maximizedProperty().addListener(save);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> preferences.saveSoon());
    }

    private void restore(WindowBounds b) {
        Rectangle2D grab = new Rectangle2D(b.x(), b.y(), Math.min(GRAB_WIDTH, b.width()), GRAB_HEIGHT);
        Screen screen = Screen.getScreens().stream().filter(s -> s.getVisualBounds().intersects(grab)).findFirst().orElse(null);
        if (screen == null) {
            return; // the monitor it was on is gone: let the platform place the window
        }
        Rectangle2D area = screen.getVisualBounds();
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(Math.min(b.width(), area.getWidth()));
        stage.setHeight(Math.min(b.height(), area.getHeight()));
        stage.setMaximized(b.maximized());
    }

    private void save() {
        if (stage.isIconified() || Double.isNaN(stage.getX()) || Double.isNaN(stage.getWidth())) {
            return;
        }
        WindowBounds previous = preferences.mainWindow().orElse(null);
        if (stage.isMaximized()) {
            // Keep the normal bounds, so un-maximising after a restart goes back to them.
            if (previous != null) {
                preferences.setMainWindow(new WindowBounds(previous.x(), previous.y(), previous.width(), previous.height(), true));
            }
            return;
        }
        WindowBounds now = new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        if (!now.equals(previous)) {
            preferences.setMainWindow(now);
        }
    }
}
