package dev.lectern.ui.common;

import javafx.scene.control.Alert;
import javafx.stage.Window;

/** All messages to the author go through here: a short headline and what to do, never a stack trace. */
public final class Dialogs {
    public void showError(Window owner, String headline, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Lectern");
        alert.setHeaderText(headline);
        String message = error.getMessage();
        alert.setContentText(message == null || message.isBlank() ? "Something went wrong (" + error.getClass().getSimpleName() + ")." : message);
        alert.show();
    }
}
