package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FileDigest;
import dev.lectern.testing.TestProjects;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lectern archive-runs}, then {@code runs} without and with {@code --archived} (issue 17, decision 0026). */
class CliArchiveRunsTest {
    @TempDir
    Path dir;
    Path project;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        project = dir.resolve("p.lectern");
        TestProjects.create(project);
        Instant longAgo = Instant.now().minus(Duration.ofDays(400));
        Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(project, Access.READ_WRITE)) {
            insert(p, "rold1succeeded", RunStatus.SUCCEEDED, longAgo);
            insert(p, "rold2failed", RunStatus.FAILED, longAgo.plusSeconds(1));
            insert(p, "rold3queued", RunStatus.QUEUED, longAgo.plusSeconds(2));
            insert(p, "rnew4succeeded", RunStatus.SUCCEEDED, lastWeek);
        }
    }

    private static void insert(Project p, String id, RunStatus status, Instant at) {
        Run r = Run.requested(id, TestProjects.LECTURE, TestProjects.SEGMENT, null, null, null, null, at);
        p.runs().insert(r);
        if (status != RunStatus.QUEUED) {
            p.runs().update(r.withStatus(status, at, status.wireName()));
        }
    }

    @Test
    void archivesTheOldFinishedRunsWhichRunsThenListsOnlyWithArchived() throws Exception {
        CliRun archive = CliRun.of("archive-runs", project, "--older-than", "30");

        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        assertThat(archive.out()).startsWith("archived 2 runs finished before ").contains("(older than 30 days)");
        assertThat(runIds("runs", project, "--json")).containsExactly("rnew4succeeded", "rold3queued");
        assertThat(runIds("runs", project, "--archived", "--json")).containsExactly("rold2failed", "rold1succeeded");
        assertThat(CliRun.of("runs", project).out()).doesNotContain("rold1succeeded").contains("rnew4succeeded");

        CliRun again = CliRun.of("archive-runs", project, "--older-than", "1", "--json");
        JsonNode second = json.readTree(again.out());
        assertThat(second.get("archived").asInt()).as("the week-old run; the queued one never").isEqualTo(1);
        assertThat(second.get("olderThanDays").asInt()).isEqualTo(1);
        assertThat(runIds("runs", project, "--json")).containsExactly("rold3queued");
    }

    @Test
    void withoutOlderThanTheProjectSettingSaysHowOld() throws Exception {
        assertThat(CliRun.of("settings", project, "runs.archiveAfterDays=30").exitCode()).isZero();

        CliRun archive = CliRun.of("archive-runs", project, "--json");

        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        JsonNode done = json.readTree(archive.out());
        assertThat(done.get("archived").asInt()).isEqualTo(2);
        assertThat(done.get("olderThanDays").asInt()).isEqualTo(30);
        assertThat(Instant.parse(done.get("cutoff").asText())).isBefore(Instant.now().minus(Duration.ofDays(29)));
        assertThat(runIds("runs", project, "--archived", "--json")).containsExactly("rold2failed", "rold1succeeded");
    }

    @Test
    void withNeitherItExitsTwoNamingBothWaysAndChangesNothing() {
        String digest = FileDigest.of(project);

        CliRun archive = CliRun.of("archive-runs", project);

        assertThat(archive.exitCode()).isEqualTo(2);
        assertThat(archive.err()).startsWith("lectern: ").contains("--older-than DAYS").contains("lectern settings")
                .contains("runs.archiveAfterDays=DAYS");
        CliRun zero = CliRun.of("archive-runs", project, "--older-than", "0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("1 to 36500 days");
        assertThat(FileDigest.of(project)).isEqualTo(digest);
    }

    private List<String> runIds(Object... args) throws Exception {
        CliRun runs = CliRun.of(args);
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        List<String> ids = new ArrayList<>();
        json.readTree(runs.out()).forEach(r -> ids.add(r.get("runId").asText()));
        return ids;
    }
}
