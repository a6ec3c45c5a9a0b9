package dev.lectern.lecture;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Lecture timestamps travel as text. An imported {@code updatedAt} is kept verbatim (so an export gives back
 * the same string); the ones Lectern writes use JavaScript's {@code toISOString()} form, as the web app does.
 */
public final class Timestamps {
    private static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return JS_ISO.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Parses an ISO-8601 instant or offset date-time; says which field is wrong otherwise. */
    public static Instant parse(String what, String text) {
        if (text == null) {
            throw new InvalidInputException(what + " is missing");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(what + " must be an ISO-8601 time like 2024-05-01T10:00:00.000Z, got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
    }
}
