package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.ImageContent;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FileDigest;
import dev.lectern.testing.TestImages;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History, restore, candidates, the author's own image and prune, through the command line (issue 16). */
class CliVersionsTest {
    @TempDir
    Path dir;
    Path project;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        project = dir.resolve("course.lectern");
        ok(CliRun.of("new", project, "--sample"));
    }

    @Test
    void historyListsEveryVersionWithItsStatusAndRestoreReusesTheBlob() throws Exception {
        String first = ok(CliRun.of("regenerate", project, "seg-01", "--prompt", "a leaf at noon")).strip();
        ok(CliRun.of("review", project, first, "--accept"));
        String second = ok(CliRun.of("regenerate", project, "seg-01", "--prompt", "a leaf at dusk")).strip();
        ok(CliRun.of("review", project, second, "--reject"));
        long blobsBefore = count("SELECT COUNT(*) FROM blobs");

        JsonNode restored = json.readTree(ok(CliRun.of("restore", project, "seg-01", "1", "--json")));

        assertThat(restored.get("version").asInt()).isEqualTo(4);
        assertThat(restored.get("restoredFrom").asInt()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM blobs")).as("a restore copies no bytes").isEqualTo(blobsBefore);
        JsonNode history = json.readTree(ok(CliRun.of("versions", project, "seg-01", "--json")));
        List<String> lines = new ArrayList<>();
        for (JsonNode v : history.get("versions")) {
            lines.add(v.get("version").asInt() + ":" + v.get("status").asText() + ":" + v.get("source").asText() + ":" + v.get("current").asBoolean());
        }
        assertThat(lines).containsExactly("4:current:restored:true", "3:rejected:generated:false", "2:accepted:generated:false",
                "1:imported:import:false");
        JsonNode v1 = history.get("versions").get(3);
        assertThat(history.get("versions").get(0).get("sha256").asText()).isEqualTo(v1.get("sha256").asText());
        assertThat(history.get("versions").get(2).get("prompt").asText()).isEqualTo("a leaf at noon");
        assertThat(segment("seg-01").get("imageVersion").asInt()).isEqualTo(4);
        assertThat(segment("seg-01").get("segmentStartImagePrompt").asText()).as("the prompt comes back with the image").isEqualTo(v1.get("prompt").asText());

        Path out = dir.resolve("v2.png");
        ok(CliRun.of("image", project, "seg-01", "--version", "2", "--out", out));
        assertThat(ImageContent.sha256(Files.readAllBytes(out))).isEqualTo(history.get("versions").get(2).get("sha256").asText());
    }

    @Test
    void restoringAnUnknownVersionExitsTwoAndChangesNothing() throws Exception {
        String before = FileDigest.of(project);
        CliRun unknown = CliRun.of("restore", project, "seg-01", "9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has no version 9");
        CliRun current = CliRun.of("restore", project, "seg-01", "1");
        assertThat(current.exitCode()).isEqualTo(2);
        assertThat(current.err()).contains("already the current image");
        assertThat(FileDigest.of(project)).isEqualTo(before);
    }

    @Test
    void fourCandidatesDiscardOneAcceptTheThird() throws Exception {
        JsonNode run = json.readTree(ok(CliRun.of("regenerate", project, "seg-02", "--candidates", "4", "--json")));
        String runId = run.get("runId").asText();
        JsonNode candidates = run.get("candidates");
        assertThat(candidates).hasSize(4);
        List<Long> seeds = new ArrayList<>();
        candidates.forEach(c -> seeds.add(c.get("seed").asLong()));
        assertThat(seeds).doesNotHaveDuplicates();
        assertThat(candidates.findValuesAsText("sha256")).doesNotHaveDuplicates();

        CliRun ambiguous = CliRun.of("review", project, runId, "--accept");
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("say which");
        JsonNode afterDiscard = json.readTree(ok(CliRun.of("review", project, runId, "--discard", "2", "--json")));
        assertThat(afterDiscard.get("status").asText()).isEqualTo("awaiting_review");
        assertThat(afterDiscard.get("candidates").get(1).get("discarded").asBoolean()).isTrue();
        assertThat(CliRun.of("review", project, runId, "--accept", "--candidate", "2").err()).contains("was discarded");

        ok(CliRun.of("review", project, runId, "--accept", "--candidate", "3"));

        Path out = dir.resolve("now.png");
        ok(CliRun.of("image", project, "seg-02", "--out", out));
        assertThat(ImageContent.sha256(Files.readAllBytes(out))).isEqualTo(candidates.get(2).get("sha256").asText());
        JsonNode history = json.readTree(ok(CliRun.of("versions", project, "seg-02", "--json")));
        List<String> statuses = new ArrayList<>();
        history.get("versions").forEach(v -> statuses.add(v.get("version").asInt() + ":" + v.get("status").asText()));
        assertThat(statuses).containsExactly("5:rejected", "4:current", "3:discarded", "2:rejected", "1:imported");
    }

    @Test
    void theProjectSettingGivesTheDefaultCountAndBadCountsAreRefused() throws Exception {
        ok(CliRun.of("settings", project, "image.candidates=3"));
        JsonNode run = json.readTree(ok(CliRun.of("regenerate", project, "seg-06", "--json")));
        assertThat(run.get("candidates")).hasSize(3);
        assertThat(CliRun.of("settings", project, "image.candidates=9").err()).contains("from 1 to 8");
        CliRun tooMany = CliRun.of("regenerate", project, "seg-07", "--candidates", "9");
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("from 1 to 8");
    }

    @Test
    void pruneRemovesRejectedAndDiscardedOnlyAndSaysWhatItFrees() throws Exception {
        String runId = ok(CliRun.of("regenerate", project, "seg-03", "--candidates", "3")).strip();
        ok(CliRun.of("review", project, runId, "--discard", "1"));
        ok(CliRun.of("review", project, runId, "--accept", "--candidate", "2"));
        String before = FileDigest.of(project);

        JsonNode dry = json.readTree(ok(CliRun.of("prune", project, "--dry-run", "--json")));
        assertThat(dry.get("versions").asInt()).isEqualTo(2);
        assertThat(dry.get("bytesFreed").asLong()).isPositive();
        assertThat(FileDigest.of(project)).as("a dry run changes nothing").isEqualTo(before);

        JsonNode pruned = json.readTree(ok(CliRun.of("prune", project, "seg-03", "--vacuum", "--json")));
        assertThat(pruned.get("removed").findValuesAsText("status")).containsExactlyInAnyOrder("discarded", "rejected");
        assertThat(pruned.get("bytesFreed").asLong()).isEqualTo(dry.get("bytesFreed").asLong());
        JsonNode history = json.readTree(ok(CliRun.of("versions", project, "seg-03", "--json")));
        assertThat(history.get("versions").findValuesAsText("status")).containsExactly("current", "imported");
        String again = ok(CliRun.of("regenerate", project, "seg-03"));
        assertThat(json.readTree(ok(CliRun.of("runs", project, "--json"))).toString()).contains(again.strip());
        assertThat(json.readTree(ok(CliRun.of("versions", project, "seg-03", "--json"))).get("versions").get(0).get("version").asInt())
                .as("a pruned version number is never used again").isEqualTo(5);
    }

    @Test
    void anOwnImageGoesThroughReview() throws Exception {
        Path png = dir.resolve("mine.png");
        byte[] bytes = TestImages.png(640, 360);
        Files.write(png, bytes);

        JsonNode run = json.readTree(ok(CliRun.of("use-image", project, "seg-04", png, "--json")));
        assertThat(run.get("status").asText()).isEqualTo("awaiting_review");
        assertThat(run.get("model").asText()).isEqualTo("file");
        assertThat(segment("seg-04").get("imageVersion").asInt()).as("not current before review").isEqualTo(1);
        ok(CliRun.of("review", project, run.get("runId").asText(), "--accept"));

        Path out = dir.resolve("out.png");
        ok(CliRun.of("image", project, "seg-04", "--out", out));
        assertThat(Files.readAllBytes(out)).isEqualTo(bytes);
        JsonNode current = json.readTree(ok(CliRun.of("versions", project, "seg-04", "--json"))).get("versions").get(0);
        assertThat(current.get("source").asText()).isEqualTo("file");
        assertThat(current.get("width").asInt()).isEqualTo(640);
    }

    @Test
    void aBadFileGetsAClearMessageAndLeavesTheProjectUnchanged() throws Exception {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "these are my notes, not a picture");
        Path huge = dir.resolve("huge.png");
        Files.write(huge, TestImages.pngHeader(100_000, 100_000));
        Path big = dir.resolve("big.png");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(60L * 1024 * 1024);
        }
        Path folder = Files.createDirectory(dir.resolve("pictures"));
        String before = FileDigest.of(project);

        assertRefused(text, "notes.png", "not");
        assertRefused(huge, "huge.png", "100000");
        assertRefused(big, "big.png", "MiB");
        assertRefused(folder, "pictures is a folder", "");

        assertThat(FileDigest.of(project)).isEqualTo(before);
        assertThat(CliRun.of("runs", project).out()).doesNotContain("file");
    }

    private void assertRefused(Path file, String names, String says) {
        CliRun r = CliRun.of("use-image", project, "seg-05", file);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("lectern: ").contains(names).contains(says);
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }

    private JsonNode segment(String id) throws Exception {
        for (JsonNode s : json.readTree(CliRun.of("segments", project, "--json").out())) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no segment " + id);
    }
}
