package dev.lectern.ui.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a project reads a page of its runs, not all of them, and never leaves out one still unfinished (issue 17). */
class ShownRunsTest {
    @TempDir
    Path dir;

    @Test
    void theNewestFinishedRunsAndEveryUnfinishedOneNewestFirst() {
        Path file = dir.resolve("p.lectern");
        TestProjects.create(file);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            Run oldQueued = Run.requested("rold0queued", TestProjects.LECTURE, "seg-1", null, null, null, null, t0);
            p.runs().insert(oldQueued);
            for (int i = 1; i <= ProjectSession.RECENT_RUNS + 50; i++) {
                Run r = Run.requested(String.format("rdone%05d", i), TestProjects.LECTURE, "seg-2", null, null, null, null, t0.plusSeconds(i));
                p.runs().insert(r);
                p.runs().update(r.withStatus(RunStatus.SUCCEEDED, t0.plusSeconds(i), "done"));
            }

            List<Run> shown = ProjectSession.shownRuns(p);

            assertThat(shown).hasSize(ProjectSession.RECENT_RUNS + 1);
            assertThat(shown.get(0).id()).as("newest first").isEqualTo(String.format("rdone%05d", ProjectSession.RECENT_RUNS + 50));
            assertThat(shown.get(shown.size() - 1).id()).as("the old queued run is kept, at its place by age").isEqualTo("rold0queued");
            assertThat(shown).extracting(Run::id).doesNotContain("rdone00001", "rdone00050");
        }
    }
}
