package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredInstantsTest {
    @Test
    void readsBackWhatInstantToStringWrites() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong() % 253_402_300_799L, random.nextInt(4) == 0 ? 0
                    : random.nextInt(4) == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            if (t.getEpochSecond() < 0) {
                t = Instant.ofEpochSecond(-t.getEpochSecond(), t.getNano());
            }
            assertThat(StoredInstants.parse(t.toString())).as(t.toString()).isEqualTo(t);
        }
        assertThat(StoredInstants.parse("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(StoredInstants.parse("2026-01-01T00:00:00.5Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
    }

    @Test
    void anythingElseIsLeftToInstantParse() {
        assertThat(StoredInstants.parse("+12026-01-01T00:00:00Z")).isEqualTo(Instant.parse("+12026-01-01T00:00:00Z"));
        for (String bad : new String[] {"2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
                "2026-01-01T00:00:00.Z", "2026-01-01 00:00:00Z", "2026-01-0xT00:00:00Z", "2026-01-01T00:00:00.1234567890Z"}) {
            Instant expected;
            try {
                expected = Instant.parse(bad);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> StoredInstants.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
                continue;
            }
            assertThat(StoredInstants.parse(bad)).as(bad).isEqualTo(expected);
        }
    }
}
