package dev.lectern.ui.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.RunArchiver;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a project reads a page of its runs, not all of them, and never leaves out one still unfinished; archived runs
 * are not read, and opening for writing first archives by the project's setting (issue 17).
 */
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

            FirstView view = FirstView.read(p, new RunArchiver(Clock.systemUTC()));
            List<Run> shown = view.runs();

            assertThat(shown).hasSize(ProjectSession.RECENT_RUNS + 1);
            assertThat(shown.get(0).id()).as("newest first").isEqualTo(String.format("rdone%05d", ProjectSession.RECENT_RUNS + 50));
            assertThat(shown.get(shown.size() - 1).id()).as("the old queued run is kept, at its place by age").isEqualTo("rold0queued");
            assertThat(shown).extracting(Run::id).doesNotContain("rdone00001", "rdone00050");
            assertThat(view.lecture().id()).as("the lecture, read beside the runs").isEqualTo(TestProjects.LECTURE);
            assertThat(view.lectures()).hasSize(1);
        }
    }

    @Test
    void openingForWritingArchivesByTheSettingBeforeReadingAndLeavesArchivedRunsOut() {
        Path file = dir.resolve("p.lectern");
        TestProjects.create(file);
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        RunArchiver archiver = new RunArchiver(Clock.fixed(now, ZoneOffset.UTC));
        ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        try (Project p = files.open(file, Access.READ_WRITE)) {
            finished(p, "rold", now.minus(Duration.ofDays(40)));
            finished(p, "rnew", now.minus(Duration.ofDays(5)));
            p.runs().insert(Run.requested("rqueued", TestProjects.LECTURE, "seg-1", null, null, null, null, now.minus(Duration.ofDays(90))));

            assertThat(FirstView.read(p, archiver).runs()).extracting(Run::id).as("setting unset: nothing archived")
                    .containsExactly("rnew", "rold", "rqueued");

            p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS, "30"));
        }
        try (Project readOnly = files.open(file, Access.READ_ONLY)) {
            assertThat(FirstView.read(readOnly, archiver).runs()).extracting(Run::id).as("read-only: nothing written")
                    .containsExactly("rnew", "rold", "rqueued");
        }
        try (Project p = files.open(file, Access.READ_WRITE)) {
            assertThat(FirstView.read(p, archiver).runs()).extracting(Run::id).containsExactly("rnew", "rqueued");
            assertThat(p.runs().find("rold")).as("kept in the file").isPresent();
        }
    }

    private static void finished(Project p, String id, Instant at) {
        Run r = Run.requested(id, TestProjects.LECTURE, "seg-2", null, null, null, null, at);
        p.runs().insert(r);
        p.runs().update(r.withStatus(RunStatus.SUCCEEDED, at, "done"));
    }
}
