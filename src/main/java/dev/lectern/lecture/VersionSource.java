package dev.lectern.lecture;

import java.util.Locale;

/** How an image version came to be. Stored with the version; never changes. */
public enum VersionSource {
    /** Came with the lecture: an import, or the sample project's title cards. */
    IMPORT,
    /** Drawn by an image model in a run (one of its candidates). */
    GENERATED,
    /** An earlier version made current again: same bytes, a new version number. */
    RESTORED,
    /** The author's own image file, offered as the one candidate of a run whose model is {@code file}. */
    FILE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VersionSource fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
