package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.BadRecords;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FileDigest;
import dev.lectern.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input: one line on stderr naming the problem, the right exit code, the project unchanged. */
class CliBadInputTest {
    @TempDir
    Path dir;
    Path project;

    @BeforeEach
    void setUp() {
        project = dir.resolve("p.lectern");
        CliRun created = CliRun.of("new", project);
        assertThat(created.exitCode()).as(created.toString()).isZero();
    }

    static Stream<Arguments> badRecords() {
        return BadRecords.all().stream().map(r -> Arguments.of(r.body(), r.message()));
    }

    @ParameterizedTest
    @MethodSource("badRecords")
    void aMalformedRecordIsRefusedNamingTheField(String body, String message) throws Exception {
        Path record = dir.resolve("lecture.json");
        Files.writeString(record, body);
        assertRefused(2, message, "import", project, record);
    }

    @Test
    void anImageThatIsNotAnImageIsRefused() throws Exception {
        Path record = recordWithImage();
        Files.writeString(record.resolveSibling("images/video-img-r-v1.png"), "<html>not an image</html>");
        assertRefused(2, "images/video-img-r-v1.png", "import", project, record);
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeader() throws Exception {
        Path record = recordWithImage();
        Files.write(record.resolveSibling("images/video-img-r-v1.png"), TestImages.pngHeader(100_000, 100_000));
        CliRun run = assertRefused(2, "images/video-img-r-v1.png", "import", project, record);
        assertThat(run.err()).contains("100000");
    }

    @Test
    void anImageLinkedFromOutsideTheImagesFolderIsRefused() throws Exception {
        Path record = recordWithImage();
        Path outside = dir.resolve("secret.png");
        Files.write(outside, TestImages.png(10, 10, java.awt.Color.RED));
        Files.createSymbolicLink(record.resolveSibling("images/video-img-r-v1.png"), outside);
        assertRefused(2, "points outside the images folder", "import", project, record);
    }

    @Test
    void unusableProjectFilesAreRefusedAndLeftAsTheyWere() throws Exception {
        Path random = dir.resolve("random.lectern");
        byte[] noise = new byte[4096];
        new Random(1).nextBytes(noise);
        Files.write(random, noise);
        assertUnchangedAfter(random, 2, "not a Lectern project", "segments", random);

        Path foreign = dir.resolve("other.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        assertUnchangedAfter(foreign, 2, "another program", "settings", foreign, "image.width=512");

        Path newer = dir.resolve("newer.lectern");
        CliRun.of("new", newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertUnchangedAfter(newer, 2, "newer Lectern", "import", newer, recordWithImage());

        CliRun missing = CliRun.of("segments", dir.resolve("nope.lectern"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("lectern: no such project file");
    }

    @Test
    void badUsageExitsTwoWithAHint() {
        CliRun run = CliRun.of("export", project);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("lectern: Missing required parameter").contains("lectern export --help");
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        CliRun unknownLecture = CliRun.of("export", project, "no-such-lecture");
        assertThat(unknownLecture.exitCode()).isEqualTo(2);
        assertThat(unknownLecture.err()).startsWith("lectern: there is no lecture no-such-lecture");
        assertThat(CliRun.of("new", project).err()).contains("already exists");
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Path record = dir.resolve("bad.json");
        Files.writeString(record, "{");
        assertThat(CliRun.of("import", project, record).err().lines().count()).isEqualTo(1);
        assertThat(CliRun.of("import", project, record, "--verbose").err()).contains("\tat ");
    }

    private Path recordWithImage() throws Exception {
        Path in = Files.createDirectories(dir.resolve("rec"));
        Files.createDirectories(in.resolve("images"));
        Path record = in.resolve("lecture.json");
        Files.writeString(record, "{\"id\": \"l1\", \"content\": {\"videos\": [{\"id\": \"v1\", \"startingImageId\": \"video-img-r-v1\"}]}}");
        return record;
    }

    private CliRun assertRefused(int exitCode, String message, Object... args) {
        String before = FileDigest.of(project);
        String segmentsBefore = CliRun.of("segments", project, "--json").out();
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).startsWith("lectern: ").contains(message);
        assertThat(run.err().lines().count()).as("one line, no stack trace").isEqualTo(1);
        assertThat(CliRun.of("segments", project, "--json").out()).isEqualTo(segmentsBefore);
        assertThat(FileDigest.of(project)).isEqualTo(before);
        return run;
    }

    private static void assertUnchangedAfter(Path file, int exitCode, String message, Object... args) {
        String before = FileDigest.of(file);
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).startsWith("lectern: ").contains(message).contains(file.getFileName().toString());
        assertThat(FileDigest.of(file)).isEqualTo(before);
    }
}
