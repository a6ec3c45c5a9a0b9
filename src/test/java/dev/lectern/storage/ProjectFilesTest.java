package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.testing.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFilesTest {
    @TempDir
    Path dir;

    private final ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
    /** Makes files as the first release did, to upgrade from. */
    private final ProjectFiles firstRelease = new ProjectFiles(new Schema(List.of(Schema.V1_FOUNDATION)), Clock.systemUTC());

    @Test
    void createsAProjectWithWalForeignKeysAndItsIdentity() throws Exception {
        Path file = dir.resolve("a.lectern");
        try (Project p = files.create(file, "My course", x -> { })) {
            assertThat(p.info().projectId()).matches("[0-9a-f-]{36}");
            assertThat(p.info().title()).isEqualTo("My course");
            assertThat(p.info().readOnly()).isFalse();
            p.database().read(c -> {
                assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
                assertThat(Integer.parseInt(pragma(c, "busy_timeout"))).isPositive();
                assertThat(Integer.parseInt(pragma(c, "application_id"))).isEqualTo(Schema.APPLICATION_ID);
                assertThat(Integer.parseInt(pragma(c, "user_version"))).isEqualTo(Schema.current().version());
                return null;
            });
        }
        assertThat(dir.toFile().list()).allMatch(n -> !n.contains(".new-"), "no temp files left");
    }

    @Test
    void refusesToCreateOverAnExistingFile() throws Exception {
        Path file = dir.resolve("taken.lectern");
        Files.writeString(file, "mine");
        assertThatThrownBy(() -> files.create(file, null, x -> { }))
                .isInstanceOf(ProjectFileException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aFailedPopulateLeavesNoFileBehind() {
        Path file = dir.resolve("half.lectern");
        assertThatThrownBy(() -> files.create(file, null, x -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void refusesRandomBytesEmptyAndMissingFilesUnchanged() throws Exception {
        Path random = dir.resolve("random.lectern");
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        Files.write(random, noise);
        assertRefused(random, ProjectFileException.Reason.NOT_A_DATABASE, "not a Lectern project");

        Path empty = dir.resolve("empty.lectern");
        Files.write(empty, new byte[0]);
        assertRefused(empty, ProjectFileException.Reason.NOT_A_DATABASE, "is empty");

        assertThatThrownBy(() -> files.open(dir.resolve("missing.lectern"), Access.READ_WRITE))
                .isInstanceOfSatisfying(ProjectFileException.class, e -> assertThat(e.reason()).isEqualTo(ProjectFileException.Reason.NOT_FOUND));
    }

    @Test
    void refusesATruncatedProject() throws Exception {
        Path file = dir.resolve("t.lectern");
        files.create(file, null, p -> p.lectures().list()).close();
        byte[] all = Files.readAllBytes(file);
        assertThat(all.length).isGreaterThan(8192);
        Path cut = dir.resolve("cut.lectern");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        assertRefused(cut, ProjectFileException.Reason.TRUNCATED, "truncated");

        Path tiny = dir.resolve("tiny.lectern");
        Files.write(tiny, java.util.Arrays.copyOf(all, 60));
        assertRefused(tiny, ProjectFileException.Reason.TRUNCATED, "truncated");
    }

    @Test
    void refusesAnotherProgramsSqliteDatabase() throws Exception {
        Path foreign = dir.resolve("photos.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO photos (name) VALUES ('cat.jpg')");
        }
        assertRefused(foreign, ProjectFileException.Reason.FOREIGN_DATABASE, "another program");
    }

    @Test
    void refusesAFileFromANewerLectern() throws Exception {
        Path file = dir.resolve("newer.lectern");
        files.create(file, null, x -> { }).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.current().version() + 5));
        }
        assertRefused(file, ProjectFileException.Reason.NEWER_VERSION, "newer Lectern");
    }

    @Test
    void upgradesStepwiseAfterABackup() throws Exception {
        Path file = dir.resolve("old.lectern");
        firstRelease.create(file, "Old", x -> { }).close();
        List<Migration> steps = new ArrayList<>(List.of(Schema.V1_FOUNDATION, Schema.V2_RUNS));
        steps.add(new Migration(3, List.of("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)")));
        steps.add(new Migration(4, List.of("ALTER TABLE notes ADD COLUMN author TEXT", "INSERT INTO notes VALUES ('n1', 'hello', 'me')")));
        ProjectFiles newer = new ProjectFiles(new Schema(steps), Clock.systemUTC());

        try (Project p = newer.open(file, Access.READ_WRITE)) {
            assertThat(p.info().schemaVersion()).isEqualTo(4);
            assertThat(p.info().title()).isEqualTo("Old");
            p.database().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM runs")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).as("the real v2 step made the runs tables").isZero();
                }
                assertThat(pragma(c, "user_version")).isEqualTo("4");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT author FROM notes")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("me");
                }
                return null;
            });
        }
        try (Stream<Path> listing = Files.list(dir)) {
            Path backup = listing.filter(f -> f.getFileName().toString().matches("old\\.lectern\\.v1-.*\\.bak")).findFirst().orElseThrow();
            try (Project b = firstRelease.open(backup, Access.READ_ONLY)) {
                assertThat(b.info().title()).isEqualTo("Old");
                assertThat(b.info().schemaVersion()).as("the backup is the file as it was").isEqualTo(1);
            }
        }
    }

    @Test
    void aFailingUpgradeStepLeavesTheFileAtItsVersion() throws Exception {
        Path file = dir.resolve("fail.lectern");
        firstRelease.create(file, null, x -> { }).close();
        List<Migration> steps = List.of(Schema.V1_FOUNDATION,
                new Migration(2, List.of("CREATE TABLE ok (id TEXT)", "THIS IS NOT SQL")));
        ProjectFiles broken = new ProjectFiles(new Schema(steps), Clock.systemUTC());
        assertThatThrownBy(() -> broken.open(file, Access.READ_WRITE))
                .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProjectFileException.Reason.MIGRATION_FAILED);
                    assertThat(e.getMessage()).contains("unchanged");
                });
        try (Project p = firstRelease.open(file, Access.READ_WRITE)) {
            p.database().read(c -> {
                assertThat(pragma(c, "user_version")).isEqualTo("1");
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'ok'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                return null;
            });
        }
    }

    @Test
    void aReadOnlyFileOpensForReadingAndRefusesWriters() throws Exception {
        Path file = dir.resolve("ro.lectern");
        files.create(file, "RO", x -> { }).close();
        String before = FileDigest.of(file);
        assertThat(file.toFile().setWritable(false)).isTrue();
        try {
            assertThatThrownBy(() -> files.open(file, Access.READ_WRITE))
                    .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ProjectFileException.Reason.READ_ONLY);
                        assertThat(e.getMessage()).contains("read-only");
                    });
            try (Project p = files.open(file, Access.READ_WRITE_OR_READ_ONLY)) {
                assertThat(p.info().readOnly()).isTrue();
                assertThat(p.info().title()).isEqualTo("RO");
                assertThat(p.runsBeside().unfinished()).as("the second connection reads a read-only file too").isEmpty();
                assertThatThrownBy(() -> p.settings().save(dev.lectern.lecture.ProjectSettings.EMPTY))
                        .isInstanceOf(ProjectFileException.class).hasMessageContaining("read-only");
            }
        } finally {
            file.toFile().setWritable(true);
        }
        assertThat(FileDigest.of(file)).isEqualTo(before);
    }

    @Test
    void oneWriterPerFile() throws Exception {
        Path file = dir.resolve("busy.lectern");
        try (Project first = files.create(file, null, x -> { })) {
            assertThatThrownBy(() -> files.open(file, Access.READ_WRITE))
                    .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(ProjectFileException.Reason.LOCKED);
                        assertThat(e.getMessage()).contains("is open in another Lectern (process " + ProcessHandle.current().pid());
                    });
            try (Project second = files.open(file, Access.READ_WRITE_OR_READ_ONLY)) {
                assertThat(second.info().readOnly()).isTrue();
            }
        }
        try (Project again = files.open(file, Access.READ_WRITE)) {
            assertThat(again.info().readOnly()).isFalse();
        }
    }

    private void assertRefused(Path file, ProjectFileException.Reason reason, String message) {
        String before = FileDigest.of(file);
        for (Access access : Access.values()) {
            assertThatThrownBy(() -> files.open(file, access))
                    .isInstanceOfSatisfying(ProjectFileException.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.getMessage()).contains(file.getFileName().toString()).contains(message);
                        assertThat(e.isUnusableFile()).isTrue();
                    });
        }
        assertThat(FileDigest.of(file)).as("file bytes unchanged").isEqualTo(before);
        assertThat(file.resolveSibling(file.getFileName() + "-wal")).doesNotExist();
    }

    private static String pragma(Connection c, String name) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
