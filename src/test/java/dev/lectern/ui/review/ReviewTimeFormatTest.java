package dev.lectern.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.ui.common.HumanTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The review captions' "generated at" for people, in the author's zone. */
class ReviewTimeFormatTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final HumanTime time = new HumanTime(Clock.fixed(Instant.parse("2025-06-10T10:00:00Z"), BERLIN), BERLIN);

    @Test
    void todayYesterdayThisYearAndEarlier() {
        assertThat(time.format(Instant.parse("2025-06-10T12:05:00Z"))).isEqualTo("today 14:05");
        assertThat(time.format(Instant.parse("2025-06-09T21:59:00Z"))).as("23:59 local").isEqualTo("yesterday 23:59");
        assertThat(time.format(Instant.parse("2025-06-09T22:01:00Z"))).as("00:01 local is today").isEqualTo("today 00:01");
        assertThat(time.format(Instant.parse("2025-03-03T08:00:00Z"))).isEqualTo("3 Mar 09:00");
        assertThat(time.format(Instant.parse("2024-12-24T17:30:00Z"))).isEqualTo("24 Dec 2024 18:30");
        assertThat(time.format(null)).isEqualTo("unknown time");
    }
}
