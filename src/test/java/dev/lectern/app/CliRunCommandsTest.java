package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.ImageContent;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * regenerate → review across separate invocations (each opens and closes the project, as separate processes
 * would), with the offline title-card model.
 */
class CliRunCommandsTest {
    @TempDir
    Path dir;
    Path project;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        project = dir.resolve("course.lectern");
        CliRun created = CliRun.of("new", project, "--sample");
        assertThat(created.exitCode()).as(created.toString()).isZero();
    }

    @Test
    void regenerateThenAcceptInAnotherInvocation() throws Exception {
        CliRun regenerate = CliRun.of("regenerate", project, "seg-02", "--prompt", "a sunflower at noon", "--json");
        assertThat(regenerate.exitCode()).as(regenerate.toString()).isZero();
        JsonNode run = json.readTree(regenerate.out());
        String runId = run.get("runId").asText();
        assertThat(run.get("status").asText()).isEqualTo("awaiting_review");
        assertThat(run.get("reviewOutcome").isNull()).isTrue();
        assertThat(run.get("segmentId").asText()).isEqualTo("seg-02");
        assertThat(run.get("model").asText()).isEqualTo("titlecard");
        assertThat(run.get("prompt").asText()).isEqualTo("a sunflower at noon");
        assertThat(run.get("error").isNull()).isTrue();
        assertThat(run.get("createdAt").asText()).isNotBlank();
        assertThat(run.get("updatedAt").asText()).isNotBlank();
        assertThat(run.get("messages").findValuesAsText("text")).contains("Starting image ready for review");
        JsonNode preview = run.get("preview");
        assertThat(preview.get("startingImageId").asText()).isEqualTo("video-img-sample-seg-02");
        assertThat(preview.get("version").asInt()).isEqualTo(2);
        assertThat(preview.get("width").asInt()).isEqualTo(1280);
        assertThat(preview.get("height").asInt()).isEqualTo(720);

        Path previewFile = dir.resolve("preview.png");
        assertThat(CliRun.of("image", project, "seg-02", "--run", runId, "--out", previewFile).exitCode()).isZero();
        assertThat(ImageContent.sha256(Files.readAllBytes(previewFile))).isEqualTo(preview.get("sha256").asText());
        Path committedBefore = dir.resolve("before.png");
        CliRun.of("image", project, "seg-02", "--out", committedBefore);
        assertThat(segment("seg-02").get("imageVersion").asInt()).as("not committed before review").isEqualTo(1);

        CliRun accept = CliRun.of("review", project, runId, "--accept", "--json");
        assertThat(accept.exitCode()).as(accept.toString()).isZero();
        JsonNode done = json.readTree(accept.out());
        assertThat(done.get("status").asText()).isEqualTo("succeeded");
        assertThat(done.get("reviewOutcome").asText()).isEqualTo("accepted");
        assertThat(done.get("messages").findValuesAsText("text")).last().isEqualTo("Starting image regeneration complete");

        JsonNode seg = segment("seg-02");
        assertThat(seg.get("imageVersion").asInt()).isEqualTo(2);
        assertThat(seg.get("startingImageId").asText()).isEqualTo("video-img-sample-seg-02");
        assertThat(seg.get("segmentStartImagePrompt").asText()).isEqualTo("a sunflower at noon");
        Path committed = dir.resolve("after.png");
        CliRun.of("image", project, "seg-02", "--out", committed);
        assertThat(Files.readAllBytes(committed)).isEqualTo(Files.readAllBytes(previewFile)).isNotEqualTo(Files.readAllBytes(committedBefore));
        JsonNode exported = json.readTree(CliRun.of("export", project, "sample-photosynthesis").out());
        assertThat(exported.get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void rejectAndCancelLeaveTheProjectAsItWas() throws Exception {
        String before = CliRun.of("export", project, "sample-photosynthesis").out();
        String first = CliRun.of("regenerate", project, "seg-01").out().strip();
        CliRun reject = CliRun.of("review", project, first, "--reject");
        assertThat(reject.exitCode()).isZero();
        String second = CliRun.of("regenerate", project, "seg-01").out().strip();
        CliRun cancel = CliRun.of("cancel", project, second);
        assertThat(cancel.out().strip()).isEqualTo(second + " cancelled");
        assertThat(CliRun.of("export", project, "sample-photosynthesis").out()).isEqualTo(before);

        JsonNode runs = json.readTree(CliRun.of("runs", project, "--json").out());
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).get("runId").asText()).as("newest first").isEqualTo(second);
        assertThat(runs.get(0).get("status").asText()).isEqualTo("cancelled");
        assertThat(runs.get(1).get("reviewOutcome").asText()).isEqualTo("rejected");
        String table = CliRun.of("runs", project).out();
        assertThat(table).contains(first).contains(second).contains("cancelled").contains("rejected");
    }

    @Test
    void badRunRequestsAreRefusedWithoutChangingTheProject() {
        String runId = CliRun.of("regenerate", project, "seg-03").out().strip();
        CliRun.of("review", project, runId, "--accept");
        String digest = FileDigest.of(project);

        CliRun twice = CliRun.of("review", project, runId, "--reject");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).startsWith("lectern: run " + runId + " is succeeded, not awaiting review");
        assertThat(CliRun.of("review", project, runId).exitCode()).as("--accept or --reject is required").isEqualTo(2);
        assertThat(CliRun.of("review", project, runId, "--accept", "--reject").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("regenerate", project, "no-such-segment").err()).startsWith("lectern: there is no segment no-such-segment");
        CliRun badModel = CliRun.of("regenerate", project, "seg-03", "--model", "gpt-image-1");
        assertThat(badModel.exitCode()).isEqualTo(2);
        assertThat(badModel.err()).contains("has no provider");
        assertThat(CliRun.of("cancel", project, "rmissing").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("image", project, "seg-03", "--run", "rmissing", "--out", dir.resolve("x.png")).exitCode()).isEqualTo(2);
        assertThat(FileDigest.of(project)).isEqualTo(digest);
    }

    @Test
    void aRunThatFailsExitsOneAndStillPrintsTheRun() throws Exception {
        CliRun failed = CliRun.of("regenerate", project, "seg-04", "--model", "offline-server/sdxl", "--json");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("lectern: run ").contains(" failed: ").contains("lectern providers add offline-server");
        JsonNode run = json.readTree(failed.out());
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("not configured");
        assertThat(run.get("preview").isNull()).isTrue();
        assertThat(segment("seg-04").get("imageVersion").asInt()).isEqualTo(1);
    }

    @Test
    void resumeSaysWhenThereIsNothingToDo() {
        CliRun resume = CliRun.of("resume", project);
        assertThat(resume.exitCode()).isZero();
        assertThat(resume.out().strip()).isEqualTo("Nothing to resume");
        String runId = CliRun.of("regenerate", project, "seg-05").out().strip();
        assertThat(CliRun.of("resume", project).out().strip()).isEqualTo(runId + " awaiting_review");
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
