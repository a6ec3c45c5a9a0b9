package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VersionSource;
import dev.lectern.lecture.VideoAsset;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project file written by the release before versions and candidates (schema 3, commit 64e64ff): made with that
 * release's command line — import of three segments, regenerate + accept, regenerate + reject, and a regenerate left
 * awaiting review — then compacted and gzipped (release-v3.lectern.gz, 54 KB). Opening it with today's schema
 * must keep every image and answer, and give the old versions the statuses and sources issue 16 lists.
 */
class MigrationFromV3Test {
    static final String LECTURE = "sample-photosynthesis";
    static final String SEG_01 = "video-img-sample-seg-01";

    @TempDir
    Path dir;

    @Test
    void aVersionThreeFileOpensWithItsHistoryCandidatesAndBlobsIntact() throws Exception {
        Path file = dir.resolve("old.lectern");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("release-v3.lectern.gz"))) {
            Files.copy(in, file);
        }
        assertThat(pragma(file, "user_version")).isEqualTo(3);
        long blobs = count(file, "SELECT COUNT(*) FROM blobs");

        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            List<VersionEntry> history = p.images().history(SEG_01);
            assertThat(history).extracting(e -> e.version().version() + ":" + e.status().wireName() + ":" + e.version().source().wireName())
                    .containsExactly("3:rejected:generated", "2:current:generated", "1:imported:import");
            VersionEntry accepted = history.get(1);
            assertThat(accepted.version().prompt()).as("the author's words, from the run's settings").isEqualTo("a leaf at noon");
            assertThat(accepted.version().styledPrompt()).as("what the model received").isNotNull();
            assertThat(history.get(2).version().source()).isEqualTo(VersionSource.IMPORT);

            Run waiting = p.runs().list().stream().filter(r -> r.status() == RunStatus.AWAITING_REVIEW).findFirst().orElseThrow();
            assertThat(waiting.candidates()).as("the old preview is the run's one candidate").hasSize(1);
            Candidate only = waiting.candidates().get(0);
            assertThat(only.index()).isEqualTo(1);
            assertThat(only.version()).isEqualTo(waiting.preview().version());
            assertThat(only.sha256()).isEqualTo(p.images().find(only.imageKey(), only.version()).orElseThrow().sha256());

            VideoAsset seg01 = p.lectures().load(LECTURE).orElseThrow().video("seg-01").orElseThrow();
            assertThat(seg01.imageVersion()).isEqualTo(2);
            assertThat(p.images().bytes(SEG_01, 1)).as("the imported bytes are still there").isPresent();
        }
        assertThat(pragma(file, "user_version")).isEqualTo(Schema.current().version());
        assertThat(count(file, "SELECT COUNT(*) FROM blobs")).as("no blob lost or copied").isEqualTo(blobs);
        assertThat(count(file, "SELECT COUNT(*) FROM image_keys WHERE image_key = '" + SEG_01 + "' AND last_version = 3")).isEqualTo(1);
        assertThat(pragmaText(file, "integrity_check")).isEqualTo("ok");
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int pragma(Path file, String name) throws Exception {
        return Integer.parseInt(pragmaText(file, name));
    }

    private static String pragmaText(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
