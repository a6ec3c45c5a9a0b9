package dev.lectern.lecture;

import java.util.Locale;

/** The author's answer to a preview (seed §6, {@code reviewOutcome}). */
public enum ReviewOutcome {
    ACCEPTED, REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewOutcome fromWire(String name) {
        return name == null ? null : valueOf(name.toUpperCase(Locale.ROOT));
    }
}
