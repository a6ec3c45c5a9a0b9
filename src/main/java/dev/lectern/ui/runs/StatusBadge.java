package dev.lectern.ui.runs;

import dev.lectern.lecture.RunStatus;
import java.util.EnumMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;

/**
 * A run's status as a coloured pill; the colour comes from the pseudo-class {@code :<wire name>}. A pseudo-class,
 * not a style class: a run's row updates several times while it works, and a changed style class makes JavaFX
 * style the node afresh, while a pseudo-class only switches between styles it has already matched.
 */
public final class StatusBadge extends Label {
    private static final Map<RunStatus, PseudoClass> STATES = new EnumMap<>(RunStatus.class);

    static {
        for (RunStatus s : RunStatus.values()) {
            STATES.put(s, PseudoClass.getPseudoClass(s.wireName()));
        }
    }

    private RunStatus shown;

    public StatusBadge() {
        getStyleClass().add("run-badge");
        setMinWidth(USE_PREF_SIZE);
    }

    public void show(RunStatus status) {
        if (status == shown) {
            return;
        }
        if (shown != null) {
            pseudoClassStateChanged(STATES.get(shown), false);
        }
        shown = status;
        if (status == null) {
            setText("");
            setAccessibleText(null);
            return;
        }
        pseudoClassStateChanged(STATES.get(status), true);
        setText(RunsViewModel.statusText(status));
        setAccessibleText("Status: " + getText());
    }

    /** The pseudo-class that colours {@code status}. */
    static PseudoClass state(RunStatus status) {
        return STATES.get(status);
    }
}
