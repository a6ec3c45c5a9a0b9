package dev.lectern.ui.common;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times for people: "today 14:05", "yesterday 09:12", "3 May 14:05", "3 May 2024 14:05" — in the user's zone. */
public final class HumanTime {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone;

    @Inject
    public HumanTime(Clock clock) {
        this(clock, ZoneId.systemDefault());
    }

    /** The app's clock is UTC; the zone is where the author sits, so tests can fix both. */
    public HumanTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public String format(Instant instant) {
        if (instant == null) {
            return "unknown time";
        }
        ZonedDateTime at = instant.atZone(zone);
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate day = at.toLocalDate();
        String time = CLOCK.format(at);
        if (day.equals(today)) {
            return "today " + time;
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday " + time;
        }
        return (day.getYear() == today.getYear() ? DAY.format(at) : DAY_YEAR.format(at)) + " " + time;
    }

    /** Seconds too, for a run's message log where several lines share a minute. */
    public String clockTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm:ss").format(instant.atZone(zone));
    }
}
