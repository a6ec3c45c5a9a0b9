package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.testing.TestProjects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished runs older than a cutoff are archived: kept in the file, left out of the pages the window and 'runs' read (issue 17). */
class RunArchiveTest {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant CUTOFF = T0.plusSeconds(100);
    static final Instant NOW = T0.plusSeconds(1_000);

    @TempDir
    Path dir;
    Path file;

    @BeforeEach
    void setUp() {
        file = dir.resolve("p.lectern");
        TestProjects.create(file);
    }

    private Project open() {
        return new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE);
    }

    /** A run created and last changed {@code secondsAfterT0} after T0, in {@code status}. */
    private static Run run(Project p, String id, RunStatus status, long secondsAfterT0) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        Run r = Run.requested(id, TestProjects.LECTURE, TestProjects.SEGMENT, null, null, null, null, at);
        p.runs().insert(r);
        if (status != RunStatus.QUEUED) {
            r = r.withStatus(status, at, status.wireName());
            p.runs().update(r);
        }
        return r;
    }

    @Test
    void onlyFinishedRunsLastChangedBeforeTheCutoffAreArchived() {
        try (Project p = open()) {
            run(p, "r01succeeded", RunStatus.SUCCEEDED, 10);
            run(p, "r02failed", RunStatus.FAILED, 20);
            run(p, "r03cancelled", RunStatus.CANCELLED, 30);
            run(p, "r04expired", RunStatus.EXPIRED, 40);
            run(p, "r05queued", RunStatus.QUEUED, 50);
            run(p, "r06running", RunStatus.RUNNING, 60);
            run(p, "r07awaiting", RunStatus.AWAITING_REVIEW, 70);
            // "...:40.500Z" sorts before "...:40Z" as text, though it is half a second later
            Run fraction = run(p, "r08fraction", RunStatus.SUCCEEDED, 99);
            p.runs().update(fraction.withStatus(RunStatus.SUCCEEDED, CUTOFF.plusMillis(500), "changed just after the cutoff"));
            run(p, "r09atcutoff", RunStatus.SUCCEEDED, 100);
            run(p, "r10recent", RunStatus.FAILED, 500);

            int archived = p.runs().archiveFinishedBefore(CUTOFF, NOW);

            assertThat(archived).isEqualTo(4);
            assertThat(p.runs().page(100, null, null, true)).extracting(Run::id)
                    .containsExactly("r04expired", "r03cancelled", "r02failed", "r01succeeded");
            assertThat(p.runs().page(100, null, null, false)).extracting(Run::id)
                    .as("unfinished runs and those changed at or after the cutoff stay live")
                    .containsExactly("r10recent", "r09atcutoff", "r08fraction", "r07awaiting", "r06running", "r05queued");
            assertThat(p.runs().archiveFinishedBefore(CUTOFF, NOW.plusSeconds(1))).as("archived once").isZero();
        }
        assertThat(archivedAt("r01succeeded")).isEqualTo(NOW.toString());
        assertThat(archivedAt("r05queued")).isNull();
    }

    @Test
    void unfinishedRunsAreNeverArchivedHoweverOld() {
        try (Project p = open()) {
            run(p, "r1queued", RunStatus.QUEUED, 0);
            run(p, "r2running", RunStatus.RUNNING, 0);
            run(p, "r3awaiting", RunStatus.AWAITING_REVIEW, 0);

            assertThat(p.runs().archiveFinishedBefore(NOW.plusSeconds(1_000_000), NOW)).isZero();
            assertThat(p.runs().page(10, null, null, true)).isEmpty();
            assertThat(p.runs().unfinished()).hasSize(3);
        }
    }

    @Test
    void pagesRecentAndStatusSkipArchivedRunsWhileLookupsStillFindThem() {
        try (Project p = open()) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                ids.add(run(p, "r" + i, RunStatus.SUCCEEDED, i * 30).id()); // r1..r3 before the cutoff
            }
            run(p, "r0queued", RunStatus.QUEUED, 0);
            p.batches().insert("b1", TestProjects.LECTURE, T0, List.of("r1", "r5"));
            assertThat(p.runs().archiveFinishedBefore(CUTOFF, NOW)).isEqualTo(3);

            assertThat(p.runs().recentAndUnfinished(2)).extracting(Run::id).containsExactly("r6", "r5", "r0queued");
            assertThat(p.runs().recentAndUnfinished(100)).extracting(Run::id).containsExactly("r6", "r5", "r4", "r0queued");
            assertThat(p.runs().page(2, "r5", RunStatus.SUCCEEDED, false)).extracting(Run::id).containsExactly("r4");
            assertThat(p.runs().page(1, "r3", null, true)).extracting(Run::id).as("the archived ones page too").containsExactly("r2");
            assertThat(p.runs().page(10, null, RunStatus.QUEUED, true)).isEmpty();
            assertThat(p.runs().find("r1")).as("found by id").isPresent();
            assertThat(p.runs().inBatch("b1")).extracting(Run::id).as("a batch counts all its runs").containsExactly("r1", "r5");
            assertThat(p.runs().list()).hasSize(7);
        }
    }

    /** The query that chooses the live page inside {@code page} and {@code recentAndUnfinished}. */
    @Test
    void theLivePageReadsThePartialIndex() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN QUERY PLAN SELECT r.id FROM runs r WHERE r.archived_at IS NULL "
                     + "ORDER BY r.created_at DESC, r.id DESC LIMIT 200")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString("detail")).append('\n');
            }
            assertThat(plan.toString()).contains("runs_live_by_time").doesNotContain("TEMP B-TREE");
        }
    }

    @Test
    void theArchiveSettingRoundTripsAndZeroMeansNever() {
        try (Project p = open()) {
            p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS, "90"));
        }
        try (Project p = open()) {
            ProjectSettings loaded = p.settings().load();
            assertThat(loaded.runs().archiveAfterDays()).isEqualTo(90);
            assertThat(loaded.get(ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS)).isEqualTo("90");
            p.settings().save(loaded.with(ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS, "0"));
        }
        try (Project p = open()) {
            assertThat(p.settings().load().runs().archiveAfterDays()).as("0 is never, stored as unset").isNull();
        }
    }

    private String archivedAt(String runId) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var ps = c.prepareStatement("SELECT archived_at FROM runs WHERE id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
