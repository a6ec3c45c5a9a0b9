package dev.lectern.ui.common;

import java.util.Locale;

/** Sizes for people: "740 bytes", "12 KB", "3.4 MB" (powers of 1024, as file managers show them). */
public final class HumanBytes {
    private HumanBytes() {
    }

    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double mb = bytes / (1024.0 * 1024);
        return mb < 100 ? String.format(Locale.ROOT, "%.1f MB", mb) : Math.round(mb) + " MB";
    }
}
