package dev.lectern.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.ProjectSettings;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFileException;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.DataLossError;
import dev.lectern.testing.FileDigest;
import dev.lectern.testing.TestProjects;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * project file: random bytes, a truncated project, another program's SQLite database, a project from a newer
 * Lectern, a read-only project, and one held by another process (a child JVM that has it open for writing).
 * Each meets a reading command ({@code segments}), two writing ones ({@code settings FILE image.width=512},
 * {@code import}) and the in-process open with every access mode: a clear one-line message naming the file,
 * and the file's sha256 unchanged (else lost). A read-only or held project still opens for reading.
 */
class ProjectFileReliability {
    private final ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());

    @TempDir
    Path dir;
    Path record;
    ReliabilityReport.Tally tally = new ReliabilityReport.Tally("project file");

    @Test
    void badProjectFilesAreRefusedClearlyAndLeftAsTheyWere() throws Exception {
        record = Files.createDirectories(dir.resolve("rec")).resolve("lecture.json");
        Files.writeString(record, "{\"id\": \"l1\", \"content\": {\"videos\": [{\"id\": \"v1\"}]}}");

        Path random = dir.resolve("random.lectern");
        byte[] noise = new byte[8192];
        new Random(11).nextBytes(noise);
        Files.write(random, noise);
        unusable("random bytes", random, ProjectFileException.Reason.NOT_A_DATABASE, "not a Lectern project");

        Path whole = dir.resolve("whole.lectern");
        TestProjects.create(whole);
        byte[] all = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.lectern");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        unusable("truncated", cut, ProjectFileException.Reason.TRUNCATED, "truncated");

        Path foreign = dir.resolve("photos.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO photos (name) VALUES ('cat.jpg')");
        }
        unusable("foreign SQLite", foreign, ProjectFileException.Reason.FOREIGN_DATABASE, "another program");

        Path newer = dir.resolve("newer.lectern");
        TestProjects.create(newer);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.current().version() + 1));
        }
        unusable("newer schema", newer, ProjectFileException.Reason.NEWER_VERSION, "newer Lectern");

        Path readOnly = dir.resolve("read-only.lectern");
        TestProjects.create(readOnly);
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        try {
            readableButNotWritable("read-only", readOnly, ProjectFileException.Reason.READ_ONLY, "is read-only");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rw-r--r--"));
        }

        Path held = dir.resolve("held.lectern");
        TestProjects.create(held);
        Process holder = hold(held);
        try {
            readableButNotWritable("held by another process", held, ProjectFileException.Reason.LOCKED,
                    "is open in another Lectern (process " + holder.pid());
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly().waitFor();
            }
        }

        tally.finish("6 kinds of file × segments, settings, import, open");
    }

    /** Every command and every access mode refuses the file, naming it, and leaves its bytes and folder as they were. */
    private void unusable(String kind, Path file, ProjectFileException.Reason reason, String words) {
        for (Object[] command : commands(file)) {
            tally.check(kind + ": " + command[0], () -> unchanged(file, true, () -> {
                CliRun run = CliRun.of(command);
                assertClearLine(run, 2, file, words);
            }));
        }
        tally.check(kind + ": open", () -> unchanged(file, true, () -> {
            for (Access access : Access.values()) {
                assertThatThrownBy(() -> files.open(file, access)).as("open %s", access)
                        .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                            assertThat(e.reason()).isEqualTo(reason);
                            assertThat(e.isUnusableFile()).isTrue();
                            assertOneLine(e.getMessage(), file, words);
                        });
            }
        }));
    }

    /** Reading works as usual; writing commands and a writing open are refused with {@code words}. */
    private void readableButNotWritable(String kind, Path file, ProjectFileException.Reason reason, String words) {
        tally.check(kind + ": segments", () -> unchanged(file, false, () -> {
            CliRun run = CliRun.of("segments", file);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains(TestProjects.SEGMENT);
        }));
        for (Object[] command : commands(file)) {
            if (command[0].equals("segments")) {
                continue;
            }
            tally.check(kind + ": " + command[0], () -> unchanged(file, false, () -> {
                CliRun run = CliRun.of(command);
                assertClearLine(run, 1, file, words);
            }));
        }
        tally.check(kind + ": open", () -> unchanged(file, false, () -> {
            assertThatThrownBy(() -> files.open(file, Access.READ_WRITE))
                    .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertOneLine(e.getMessage(), file, words);
                    });
            for (Access access : List.of(Access.READ_ONLY, Access.READ_WRITE_OR_READ_ONLY)) {
                try (Project p = files.open(file, access)) {
                    assertThat(p.info().readOnly()).as("opened %s", access).isTrue();
                    assertThat(p.lectures().load(TestProjects.LECTURE)).isPresent();
                    assertThatThrownBy(() -> p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_WIDTH, "512")))
                            .isInstanceOf(ProjectFileException.class).hasMessageContaining("read-only");
                }
            }
        }));
    }

    private List<Object[]> commands(Path file) {
        List<Object[]> commands = new ArrayList<>();
        commands.add(new Object[] {"segments", file});
        commands.add(new Object[] {"settings", file, "image.width=512"});
        commands.add(new Object[] {"import", file, record});
        return commands;
    }

    /** The check, then: the file's sha256 as before (else lost) and, for a file that is not a project, nothing beside it. */
    private void unchanged(Path file, boolean noSidecars, ReliabilityReport.Check check) throws Exception {
        String before = FileDigest.of(file);
        AssertionError failed = null;
        try {
            check.run();
        } catch (AssertionError e) {
            failed = e;
        }
        DataLossError.guard(() -> {
            assertThat(FileDigest.of(file)).as("sha256 of %s", file.getFileName()).isEqualTo(before);
            if (noSidecars) {
                assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
                assertThat(file.resolveSibling(file.getFileName() + "-journal")).doesNotExist();
            }
        });
        if (failed != null) {
            throw failed;
        }
    }

    private static void assertClearLine(CliRun run, int exitCode, Path file, String words) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.err()).as(run.toString()).startsWith("lectern: ");
        assertOneLine(run.err().strip(), file, words);
    }

    private static void assertOneLine(String message, Path file, String words) {
        assertThat(message).as("one clear line").doesNotContain("\n").contains(file.getFileName().toString()).contains(words)
                .doesNotContain("Exception").doesNotContain("SQLITE_");
    }

    /** A child JVM with the project open for writing; returns once it holds it. */
    private static Process hold(Path file) throws Exception {
        String cp = System.getProperty("surefire.test.class.path");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                HoldProject.class.getName(), file.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("CLASSPATH");
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = out.readLine()) != null && !l.startsWith("holding")) {
                    System.out.println("holder: " + l);
                }
                return l;
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the holder process ended before it held " + file);
        }
        return process;
    }
}
