package dev.lectern.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.BadRecords;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.DataLossError;
import dev.lectern.testing.FileDigest;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import java.awt.Color;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import: malformed JSON, path traversal in ids, an image linked from outside the images folder, absurd sizes,
 * and wrong types at many fields. Each {@code lectern import} must exit 2 with one {@code lectern:} line naming
 * the problem, and leave the project as it was: its export, its segments, and its file's sha256 (else lost).
 * The records that carry images replace the project's own lecture, so a record let through would show.
 */
class ImportReliability {
    static final String LECTURE = TestProjects.LECTURE;
    static final String IMAGE_KEY = "video-img-r-seg-1";

    @TempDir
    Path dir;
    Path project;
    int cases;
    final ReliabilityReport.Tally tally = new ReliabilityReport.Tally("import");

    @Test
    void badRecordsAreRefusedWithAClearLineAndTheProjectUnchanged() throws Exception {
        project = dir.resolve("course.lectern");
        TestProjects.create(project);

        // malformed JSON and wrong types, as the command-line tests have them
        for (BadRecords.BadRecord r : BadRecords.all()) {
            refusedRecord("record " + r, r.body(), r.message());
        }
        // more malformed JSON
        refusedRecord("empty file", "", "must be a JSON object, found nothing");
        refusedRecord("binary garbage", "\u0000\u0001\u00ff PNG?", "is not valid JSON");
        refusedRecord("a bare string", "\"lecture\"", "must be a JSON object, found a string");
        refusedRecord("unclosed string", "{\"id\": \"l1", "is not valid JSON");
        refusedRecord("a comment", "{\"id\": \"l1\", /* no */ \"content\": {\"videos\": []}}", "is not valid JSON");
        refusedRecord("nested 100000 deep", "[".repeat(100_000), "is not valid JSON");
        // path traversal in ids
        refusedRecord("lecture id ../x", record("\"../x\"", "[]"), "lecture id '../x' is not a valid id");
        refusedRecord("lecture id absolute", record("\"/etc/passwd\"", "[]"), "'/etc/passwd' is not a valid id");
        refusedRecord("segment id ..\\x", record("\"l1\"", "[{\"id\": \"..\\\\x\"}]"), "segment id '..\\x' is not a valid id");
        refusedRecord("image id ../../x", record("\"l1\"", "[{\"id\": \"v1\", \"startingImageId\": \"../../x\"}]"), "startingImageId");
        refusedRecord("image id absolute", record("\"l1\"", "[{\"id\": \"v1\", \"startingImageId\": \"/tmp/x\"}]"), "'/tmp/x' is not a valid id");
        refusedRecord("image id ..\\..\\x", record("\"l1\"", "[{\"id\": \"v1\", \"startingImageId\": \"..\\\\..\\\\x\"}]"), "is not a valid id");
        refusedRecord("lecture id 5000 long", record("\"" + "a".repeat(5000) + "\"", "[]"), "longer than 128 characters");
        refusedRecord("segment id 5000 long", record("\"l1\"", "[{\"id\": \"" + "s".repeat(5000) + "\"}]"), "longer than 128 characters");
        // wrong types
        refusedRecord("title an array", "{\"id\": \"l1\", \"title\": [1], \"content\": {\"videos\": []}}", "title must be a string, found an array");
        refusedRecord("updatedAt a number", "{\"id\": \"l1\", \"updatedAt\": 17, \"content\": {\"videos\": []}}", "updatedAt must be a string, found a number");
        refusedRecord("revision a fraction", "{\"id\": \"l1\", \"revision\": 1.5, \"content\": {\"videos\": []}}", "revision must be a whole number");
        refusedRecord("revision too big", "{\"id\": \"l1\", \"revision\": 123456789012345678901234567890, \"content\": {\"videos\": []}}",
                "revision must be a whole number");
        refusedRecord("content an array", "{\"id\": \"l1\", \"content\": []}", "content must be an object with a videos array, found an array");
        refusedRecord("a segment a string", record("\"l1\"", "[\"v1\"]"), "content.videos[0] must be an object, found a string");
        refusedRecord("segment id an object", record("\"l1\"", "[{\"id\": {}}]"), "content.videos[0].id must be a string, found an object");
        refusedRecord("segment id null", record("\"l1\"", "[{\"id\": null}]"), "content.videos[0].id");
        refusedRecord("startingImageId a boolean", record("\"l1\"", "[{\"id\": \"v1\", \"startingImageId\": true}]"),
                "content.videos[0].startingImageId must be a string, found a boolean");
        refusedRecord("videoPath a number", record("\"l1\"", "[{\"id\": \"v1\", \"videoPath\": 3}]"),
                "content.videos[0].videoPath must be a string, found a number");
        // absurd sizes
        refused("a 40 MB record with a huge string", () -> {
            Path file = dir.resolve("huge-" + cases + ".json");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("{\"id\": \"" + LECTURE + "\", \"title\": \"");
                char[] chunk = "x".repeat(1 << 20).toCharArray();
                for (int i = 0; i < 40; i++) {
                    w.write(chunk);
                }
                w.write("\", \"content\": {\"videos\": []}}");
            }
            return file;
        }, "MiB; a lecture record may be at most 32 MiB");
        refused("20000 segments", () -> {
            StringBuilder videos = new StringBuilder("[");
            for (int i = 0; i < 20_000; i++) {
                videos.append(i == 0 ? "" : ",").append("{\"id\": \"s").append(i).append("\"}");
            }
            return write(record("\"" + LECTURE + "\"", videos.append(']').toString()));
        }, "content.videos has 20000 segments; at most 10000");
        refusedImage("a PNG header claiming 100000×100000", image -> Files.write(image, TestImages.pngHeader(100_000, 100_000)), "100000");
        refusedImage("a 51 MiB image (sparse)", image -> {
            try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
                f.write(TestImages.png(16, 16, Color.RED));
                f.setLength(51L * 1024 * 1024);
            }
        }, "MiB; images may be at most 50 MiB");
        refusedImage("an image that is not an image", image -> Files.writeString(image, "<html>not an image</html>"), "images/" + IMAGE_KEY + ".png");
        refusedImage("a symlink out of the images folder", image -> {
            Path outside = dir.resolve("secret-" + cases + ".png");
            Files.write(outside, TestImages.png(10, 10, Color.RED));
            Files.createSymbolicLink(image, outside);
        }, "points outside the images folder");
        refusedImage("a symlink to /etc/passwd", image -> Files.createSymbolicLink(image, Path.of("/etc/passwd")),
                "points outside the images folder");

        try (java.util.stream.Stream<Path> all = Files.walk(dir)) { // JUnit warns of links that leave its temp dir
            for (Path link : all.filter(Files::isSymbolicLink).toList()) {
                Files.delete(link);
            }
        }
        tally.finish(null);
    }

    interface RecordMaker {
        Path make() throws IOException;
    }

    interface ImageMaker {
        void make(Path image) throws IOException;
    }

    private static String record(String id, String videos) {
        return "{\"id\": " + id + ", \"content\": {\"videos\": " + videos + "}}";
    }

    private Path write(String body) throws IOException {
        Path file = Files.createDirectories(dir.resolve("r" + cases)).resolve("lecture.json");
        Files.writeString(file, body, StandardCharsets.UTF_8);
        return file;
    }

    private void refusedRecord(String name, String body, String words) {
        refused(name, () -> write(body), words);
    }

    /** A record that replaces the project's lecture, with {@code seg-1}'s image in its images folder. */
    private void refusedImage(String name, ImageMaker image, String words) {
        refused(name, () -> {
            Path file = write(record("\"" + LECTURE + "\"", "[{\"id\": \"seg-1\", \"startingImageId\": \"" + IMAGE_KEY + "\"}]"));
            image.make(Files.createDirectories(file.resolveSibling("images")).resolve(IMAGE_KEY + ".png"));
            return file;
        }, words);
    }

    private void refused(String name, RecordMaker maker, String words) {
        cases++;
        tally.check(name, () -> {
            Path record = maker.make();
            String sha = FileDigest.of(project);
            String export = CliRun.of("export", project, LECTURE).out();
            String segments = CliRun.of("segments", project, "--json").out();
            CliRun run = CliRun.of("import", project, record);
            DataLossError.guard(() -> {
                assertThat(CliRun.of("export", project, LECTURE).out()).as("the lecture's export").isEqualTo(export);
                assertThat(CliRun.of("segments", project, "--json").out()).as("the segments").isEqualTo(segments);
                assertThat(FileDigest.of(project)).as("the project file's sha256").isEqualTo(sha);
            });
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).as(run.toString()).startsWith("lectern: ").contains(words);
            assertThat(run.err().lines().count()).as("one line: " + run).isEqualTo(1);
            assertThat(run.err()).as("no internals").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.err().length()).as("a readable line, not the record echoed").isLessThan(600);
        });
    }
}
