package dev.lectern.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** "Accept all" answers many reviews unseen: say how many, and ask. One wording for the batch row and the review. */
public final class AnswerAllQuestion {
    private AnswerAllQuestion() {
    }

    /** Asks on the FX thread, modal to {@code owner}; true when the author said OK. */
    public static boolean ask(Window owner, int waiting, boolean accept) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, (accept ? "Use the new image of " : "Keep the current image of ") + waiting
                + " segment" + (waiting == 1 ? "" : "s") + (accept ? " without reviewing them one by one? Where a run drew several images, its first one is taken."
                : ", rejecting their new images?"), ButtonType.CANCEL, ButtonType.OK);
        ask.setHeaderText((accept ? "Accept " : "Reject ") + waiting + " waiting image" + (waiting == 1 ? "" : "s"));
        ask.initOwner(owner);
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
