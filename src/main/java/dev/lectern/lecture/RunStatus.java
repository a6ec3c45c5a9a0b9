package dev.lectern.lecture;

import java.util.Locale;

/** Where a regeneration run is (seed §5, Agent Progress). */
public enum RunStatus {
    QUEUED, RUNNING, AWAITING_REVIEW, SUCCEEDED, FAILED, CANCELLED, EXPIRED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == EXPIRED;
    }

    /** The seed's spelling: {@code awaiting_review}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
