package dev.lectern.storage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and opens project files. Opening checks the file before SQLite may write to it: an unusable file
 * (random bytes, truncated, another program's database, a newer schema) is refused and left byte-for-byte
 * as it was. Upgrades run stepwise after a backup copy is taken.
 */
@Singleton
public final class ProjectFiles {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectFiles.class);
    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Schema schema;
    private final Clock clock;

    @Inject
    public ProjectFiles(Schema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    /**
     * Creates a new project at {@code file}. {@code populate} fills it before it appears under its name, so a
     * crash or a failure midway never leaves a half-made project behind.
     */
    public Project create(Path file, String title, Consumer<Project> populate) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new ProjectFileException(ProjectFileException.Reason.ALREADY_EXISTS, target,
                    target.getFileName() + " already exists; choose another name or open it");
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".new-" + UUID.randomUUID());
        try {
            Files.createDirectories(target.getParent());
            try (Connection c = SqliteConnections.readWrite(temp)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
                }
                migrate(c, temp, 0);
                try (var insert = c.prepareStatement("INSERT INTO project_info (key, value) VALUES (?, ?)")) {
                    for (String[] kv : new String[][] {{"project_id", UUID.randomUUID().toString()},
                            {"created_at", clock.instant().toString()}, {"title", title}}) {
                        if (kv[1] != null) {
                            insert.setString(1, kv[0]);
                            insert.setString(2, kv[1]);
                            insert.executeUpdate();
                        }
                    }
                }
            }
            try (Project project = openChecked(temp, Access.READ_WRITE)) {
                populate.accept(project);
            }
            Files.move(temp, target);
        } catch (FileAlreadyExistsException e) {
            throw new ProjectFileException(ProjectFileException.Reason.ALREADY_EXISTS, target,
                    target.getFileName() + " already exists; choose another name or open it", e);
        } catch (SQLException e) {
            throw SqliteErrors.translate(target, e);
        } catch (IOException e) {
            throw new ProjectFileException(ProjectFileException.Reason.IO_ERROR, target,
                    "cannot create " + target.getFileName() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(temp.resolveSibling(temp.getFileName() + "-wal"));
            deleteQuietly(temp.resolveSibling(temp.getFileName() + "-shm"));
            deleteQuietly(ProjectLock.lockFileOf(temp));
        }
        return open(target, Access.READ_WRITE);
    }

    public Project open(Path file, Access access) {
        Path target = file.toAbsolutePath();
        ProjectHeader.Identity identity = ProjectHeader.check(target);
        // Refuse from the header alone: SQLite would leave -wal/-shm files beside another program's database.
        requireOurs(target, identity.applicationId(), identity.userVersion());
        return openChecked(target, access);
    }

    private Project openChecked(Path file, Access access) {
        boolean write = access != Access.READ_ONLY;
        String readOnlyReason = write ? null : "opened for reading";
        if (write && isReadOnlyFile(file)) {
            if (access == Access.READ_WRITE) {
                throw new ProjectFileException(ProjectFileException.Reason.READ_ONLY, file,
                        file.getFileName() + " is read-only; make it writable or copy it to change it");
            }
            write = false;
            readOnlyReason = file.getFileName() + " is a read-only file";
        }
        ProjectLock lock = null;
        if (access == Access.CONTROL) {
            readOnlyReason = "opened only to leave a request for the process that holds it";
        } else if (write) {
            try {
                lock = ProjectLock.acquire(file);
            } catch (ProjectFileException e) {
                if (access == Access.READ_WRITE) {
                    throw e;
                }
                LOG.info("{}; opening read-only", e.getMessage());
                write = false;
                readOnlyReason = e.getMessage();
            }
        }
        try {
            Connection connection = write ? SqliteConnections.readWrite(file) : SqliteConnections.readOnly(file);
            int version = versionOf(file, connection); // again: the file may have changed before we held the lock
            if (version < schema.version()) {
                connection.close();
                if (!write || access == Access.CONTROL) {
                    throw new ProjectFileException(ProjectFileException.Reason.READ_ONLY, file,
                            file.getFileName() + " needs an upgrade that a read-only open cannot do; open it for writing");
                }
                upgrade(file, version);
                connection = SqliteConnections.readWrite(file);
            }
            Database db = new Database(connection, file, !write);
            Map<String, String> values = db.read(c -> {
                Map<String, String> map = new HashMap<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT key, value FROM project_info")) {
                    while (rs.next()) {
                        map.put(rs.getString(1), rs.getString(2));
                    }
                }
                return map;
            });
            String projectId = values.get("project_id");
            if (projectId == null) {
                db.close();
                throw new ProjectFileException(ProjectFileException.Reason.CORRUPT, file,
                        file.getFileName() + " is damaged (it has no project id); restore it from a backup");
            }
            return new Project(db, lock, new ProjectInfo(file, projectId, values.get("title"), schema.version(), readOnlyReason), clock);
        } catch (SQLException e) {
            closeQuietly(lock);
            throw SqliteErrors.translate(file, e);
        } catch (RuntimeException e) {
            closeQuietly(lock);
            throw e;
        }
    }

    /**
     * Reads the file's identity with SQLite, commits in the WAL included, on the connection the project will use (a
     * second connection only for this cost a millisecond of every open); returns its schema version. Closes
     * {@code c} when the file is not ours.
     */
    private int versionOf(Path file, Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            int version = intPragma(s, "user_version");
            requireOurs(file, intPragma(s, "application_id"), version);
            return version;
        } catch (ProjectFileException | SQLException e) {
            c.close();
            throw e;
        }
    }

    private void requireOurs(Path file, int applicationId, int version) {
        {
            if (applicationId != Schema.APPLICATION_ID) {
                throw new ProjectFileException(ProjectFileException.Reason.FOREIGN_DATABASE, file,
                        file.getFileName() + " is an SQLite database of another program, not a Lectern project");
            }
            if (version > schema.version()) {
                throw new ProjectFileException(ProjectFileException.Reason.NEWER_VERSION, file,
                        file.getFileName() + " was saved by a newer Lectern (project format " + version
                                + "; this version reads up to " + schema.version() + "); update Lectern to open it");
            }
        }
    }

    private void upgrade(Path file, int fromVersion) throws SQLException {
        if (fromVersion > 0) {
            Path backup = file.resolveSibling(file.getFileName() + ".v" + fromVersion + "-" + BACKUP_STAMP.format(clock.instant()) + ".bak");
            try (Connection c = SqliteConnections.readOnly(file); Statement s = c.createStatement()) {
                // VACUUM INTO copies a consistent snapshot, including commits still in the WAL.
                s.execute("VACUUM INTO '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            LOG.info("Backed up {} to {} before upgrading from format {}", file.getFileName(), backup.getFileName(), fromVersion);
        }
        try (Connection c = SqliteConnections.readWrite(file)) {
            migrate(c, file, fromVersion);
        }
    }

    private void migrate(Connection c, Path file, int fromVersion) throws SQLException {
        for (Migration step : schema.stepsFrom(fromVersion)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : step.statements()) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + step.toVersion());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new ProjectFileException(ProjectFileException.Reason.MIGRATION_FAILED, file,
                        "could not upgrade " + file.getFileName() + " to format " + step.toVersion() + ": "
                                + e.getMessage() + "; the file is unchanged", e);
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Root may write anywhere, but a file whose owner cannot write it is read-only as far as the author is concerned. */
    private static boolean isReadOnlyFile(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        try {
            return !Files.getPosixFilePermissions(file).contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless and hidden
        }
    }

    private static void closeQuietly(ProjectLock lock) {
        if (lock != null) {
            lock.close();
        }
    }
}
