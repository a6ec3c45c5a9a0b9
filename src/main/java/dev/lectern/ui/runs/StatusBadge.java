package dev.lectern.ui.runs;

import dev.lectern.lecture.RunStatus;
import javafx.scene.control.Label;

/** A run's status as a coloured pill; the colour comes from the {@code run-status-<wire name>} style class. */
public final class StatusBadge extends Label {
    private static final String PREFIX = "run-status-";

    public StatusBadge() {
        getStyleClass().add("run-badge");
        setMinWidth(USE_PREF_SIZE);
    }

    public void show(RunStatus status) {
        getStyleClass().removeIf(c -> c.startsWith(PREFIX));
        if (status == null) {
            setText("");
            return;
        }
        getStyleClass().add(PREFIX + status.wireName());
        setText(RunsViewModel.statusText(status));
        setAccessibleText("Status: " + getText());
    }
}
