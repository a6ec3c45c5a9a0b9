package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.Run;
import dev.lectern.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second, read-only connection the window reads its runs on while it reads the lecture on the first. */
class RunsBesideTest {
    @TempDir
    Path dir;

    @Test
    void seesWhatIsCommittedNotATransactionStillOpenAndCannotWrite() throws Exception {
        Path file = dir.resolve("p.lectern");
        TestProjects.create(file);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            p.runs().insert(Run.requested("r1", TestProjects.LECTURE, "seg-1", null, null, null, null, t0));
            assertThat(p.runsBeside().find("r1")).as("committed on the project's connection").isPresent();

            p.transaction(() -> {
                p.runs().insert(Run.requested("r2", TestProjects.LECTURE, "seg-2", null, null, null, null, t0.plusSeconds(1)));
                // another thread, as on opening: the reader does not wait for the open transaction, and does not see it
                boolean seen = CompletableFuture.supplyAsync(() -> p.runsBeside().find("r2").isPresent()).join();
                assertThat(seen).as("a transaction still open is not seen beside").isFalse();
                return null;
            });
            assertThat(p.runsBeside().find("r2")).as("seen once committed").isPresent();

            assertThatThrownBy(() -> p.runsBeside().insert(Run.requested("r3", TestProjects.LECTURE, "seg-1", null, null, null, null, t0)))
                    .as("read-only").isInstanceOf(ProjectFileException.class);
        }
    }
}
