package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FileDigest;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project commands end to end: the real injector, a real project file, the real JSON record. */
class CliProjectCommandsTest {
    static final String RECORD = """
            {
              "id": "lec-42",
              "title": "Rivers",
              "revision": 7,
              "updatedAt": "2025-03-01T09:30:00Z",
              "ownerId": "user-9",
              "content": {
                "images": [{"id": "img-1", "prompt": "delta", "meta": {"w": 1.50, "tags": ["a", null]}}],
                "videos": [
                  {"id": "v1", "title": "Source", "videoPath": "/u/p/lec-42/videos/v1.mp4",
                   "startingImageId": "video-img-run1-v1", "startingImageModel": "openai/gpt-image-1",
                   "segmentStartImagePrompt": "a spring in the mountains", "durationSec": 12.25, "custom": {"x": [1, 2]}},
                  {"id": "v2", "startingImageId": "video-img-run1-v2", "segmentStartImagePrompt": "a waterfall"},
                  {"id": "v3", "startingImageUrl": "/api/storage/u/p/lec-42/images/legacy-v3.jpg?v=3",
                   "segmentStartImagePrompt": "the sea"}
                ],
                "narration": [{"id": "n1", "text": "Rivers run downhill."}],
                "music": []
              }
            }""";

    @TempDir
    Path dir;
    Path project;
    Path record;
    byte[] v1Png;
    byte[] v3Jpeg;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() throws Exception {
        project = dir.resolve("course.lectern");
        assertThat(CliRun.of("new", project, "--title", "Geography").exitCode()).isZero();
        Path in = Files.createDirectories(dir.resolve("in"));
        record = in.resolve("lecture.json");
        Files.writeString(record, RECORD);
        Files.createDirectories(in.resolve("images"));
        v1Png = TestImages.png(320, 180, Color.BLUE);
        v3Jpeg = TestImages.jpeg(200, 100, Color.GREEN);
        Files.write(in.resolve("images/video-img-run1-v1.png"), v1Png);
        Files.write(in.resolve("images/legacy-v3.jpg"), v3Jpeg);
    }

    @Test
    void importThenExportGivesBackTheSameRecordAndImages() throws Exception {
        CliRun imported = CliRun.of("import", project, record);
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("Imported lecture lec-42: 3 segments, 2 images");

        CliRun exported = CliRun.of("export", project, "lec-42", "--images", dir.resolve("out"));
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        JsonNode back = json.readTree(exported.out());
        assertThat(back).isEqualTo(json.readTree(RECORD));
        assertThat(back.at("/content/images/0/meta/w").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(Files.readAllBytes(dir.resolve("out/images/video-img-run1-v1.png"))).isEqualTo(v1Png);
        assertThat(Files.readAllBytes(dir.resolve("out/images/legacy-v3.jpg"))).isEqualTo(v3Jpeg);
        assertThat(dir.resolve("out/images")).isDirectoryNotContaining("glob:**/video-img-run1-v2.*");
    }

    @Test
    void segmentsListsEveryFieldAsJsonAndAsATable() throws Exception {
        CliRun.of("import", project, record);
        CliRun run = CliRun.of("segments", project, "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode rows = json.readTree(run.out());
        assertThat(rows).hasSize(3);
        JsonNode first = rows.get(0);
        assertThat(first.get("lectureId").asText()).isEqualTo("lec-42");
        assertThat(first.get("id").asText()).isEqualTo("v1");
        assertThat(first.get("startingImageId").asText()).isEqualTo("video-img-run1-v1");
        assertThat(first.get("startingImageModel").asText()).isEqualTo("openai/gpt-image-1");
        assertThat(first.get("segmentStartImagePrompt").asText()).isEqualTo("a spring in the mountains");
        assertThat(first.get("imageVersion").asInt()).isEqualTo(1);
        assertThat(first.get("videoPath").asText()).isEqualTo("/u/p/lec-42/videos/v1.mp4");
        assertThat(rows.get(1).get("imageVersion").isNull()).isTrue();
        assertThat(rows.get(2).get("imageVersion").asInt()).as("legacy record's image imported").isEqualTo(1);

        CliRun table = CliRun.of("segments", project);
        assertThat(table.out().lines().toList()).hasSize(4);
        assertThat(table.out()).contains("LECTURE").contains("v1").contains("a waterfall").contains("v1  ");
    }

    @Test
    void reimportReplacesTheLectureAndKeepsImageHistory() throws Exception {
        CliRun.of("import", project, record);
        Files.writeString(record, RECORD.replace("a spring in the mountains", "a glacier"));
        Files.write(record.resolveSibling("images/video-img-run1-v1.png"), TestImages.png(320, 180, Color.RED));
        CliRun again = CliRun.of("import", project, record);
        assertThat(again.out()).startsWith("Replaced lecture lec-42");
        JsonNode rows = json.readTree(CliRun.of("segments", project, "--json").out());
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("segmentStartImagePrompt").asText()).isEqualTo("a glacier");
        assertThat(rows.get(0).get("imageVersion").asInt()).as("a changed image is a new version").isEqualTo(2);
        assertThat(rows.get(2).get("imageVersion").asInt()).as("the same image is not copied again").isEqualTo(1);
    }

    @Test
    void newWithSampleMakesALectureWithDrawnImages() throws Exception {
        Path sample = dir.resolve("sample.lectern");
        CliRun run = CliRun.of("new", sample, "--sample");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode rows = json.readTree(CliRun.of("segments", sample, "--json").out());
        assertThat(rows.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode row : rows) {
            assertThat(row.get("segmentStartImagePrompt").asText()).isNotBlank();
            assertThat(row.get("startingImageId").asText()).matches("video-img-sample-" + row.get("id").asText());
            assertThat(row.get("imageVersion").asInt()).isEqualTo(1);
        }
        CliRun export = CliRun.of("export", sample, rows.get(0).get("lectureId").asText(), "--images", dir.resolve("x"));
        Path image = dir.resolve("x/images/" + rows.get(0).get("startingImageId").asText() + ".png");
        assertThat(javax.imageio.ImageIO.read(image.toFile()).getWidth()).isEqualTo(1280);
        assertThat(export.exitCode()).isZero();
    }

    @Test
    void settingsShowsSetsAndClears() throws Exception {
        CliRun set = CliRun.of("settings", project, "image.model=local-sd/sdxl", "image.width=1024", "video.imageModel=titlecard", "--json");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        JsonNode s = json.readTree(set.out());
        assertThat(s.get("image.model").asText()).isEqualTo("local-sd/sdxl");
        assertThat(s.get("image.width").asText()).isEqualTo("1024");
        assertThat(s.get("image.height").isNull()).isTrue();

        CliRun cleared = CliRun.of("settings", project, "image.model=");
        assertThat(cleared.out()).contains("image.model = (not set)").contains("image.width = 1024").contains("video.imageModel = titlecard");
        assertThat(CliRun.of("settings", project).out()).isEqualTo(cleared.out());
    }

    @Test
    void theArchiveSettingRoundTripsAndZeroClearsIt() throws Exception {
        CliRun set = CliRun.of("settings", project, "runs.archiveAfterDays=90", "--json");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(json.readTree(CliRun.of("settings", project, "--json").out()).get("runs.archiveAfterDays").asText()).isEqualTo("90");

        CliRun bad = CliRun.of("settings", project, "runs.archiveAfterDays=soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("lectern: runs.archiveAfterDays must be a whole number of days from 0 (never) to 36500");

        assertThat(CliRun.of("settings", project, "runs.archiveAfterDays=0").out()).contains("runs.archiveAfterDays = (not set)");
    }

    @Test
    void aRejectedSettingChangesNothing() {
        CliRun.of("settings", project, "image.width=1024");
        String before = FileDigest.of(project);
        CliRun bad = CliRun.of("settings", project, "image.height=768", "image.width=wide");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("lectern: image.width must be a whole number").doesNotContain("Exception");
        assertThat(CliRun.of("settings", project, "--json").out()).contains("\"image.width\" : \"1024\"").contains("\"image.height\" : null");
        assertThat(CliRun.of("settings", project, "colour=red").err()).startsWith("lectern: unknown setting 'colour'");
        assertThat(CliRun.of("settings", project, "image.aspectRatio=wide").exitCode()).isEqualTo(2);
        assertThat(FileDigest.of(project)).isEqualTo(before);
    }

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("lectern ");
        CliRun help = CliRun.of("--help");
        assertThat(help.out()).contains("import").contains("export").contains("segments").contains("settings").contains("new");
    }
}
