package dev.lectern.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import org.sqlite.ProgressHandler;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The project's single SQLite connection. Every write runs in one {@code BEGIN IMMEDIATE} transaction that
 * either commits whole or rolls back, so a failed or killed write never leaves half a change behind.
 * Access is serialised: a SQLite connection must not be used by two threads at once.
 */
public final class Database implements AutoCloseable {
    private final Connection connection;
    private final Path file;
    private final boolean readOnly;
    private final ReentrantLock lock = new ReentrantLock();

    Database(Connection connection, Path file, boolean readOnly) {
        this.connection = connection;
        this.file = file;
        this.readOnly = readOnly;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public Path file() {
        return file;
    }

    public <T> T read(SqlWork<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} in one transaction. Nested calls join the outer transaction. */
    public <T> T write(SqlWork<T> work) {
        if (readOnly) {
            throw new ProjectFileException(ProjectFileException.Reason.READ_ONLY, file,
                    file.getFileName() + " is open read-only; close the other Lectern that holds it and try again");
        }
        lock.lock();
        try {
            if (!connection.getAutoCommit()) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        } finally {
            lock.unlock();
        }
    }

    /** The bytes {@link #vacuum} would give back to the disk: the pages SQLite keeps free inside the file. */
    public long reclaimableBytes() {
        return read(c -> {
            try (Statement s = c.createStatement()) {
                return pragma(s, "freelist_count") * pragma(s, "page_size");
            }
        });
    }

    /**
     * Rewrites the file without its free pages ({@code VACUUM}: outside any transaction, all or nothing). It can
     * take a while on a large project; {@code cancelled} is polled meanwhile, and a cancelled one changes nothing.
     */
    public void vacuum(BooleanSupplier cancelled) {
        write(c -> null); // refuses a read-only project with the usual message
        lock.lock();
        try {
            ProgressHandler.setHandler(connection, 10_000, new ProgressHandler() {
                @Override
                protected int progress() {
                    return cancelled.getAsBoolean() ? 1 : 0;
                }
            });
            try (Statement s = connection.createStatement()) {
                s.execute("VACUUM");
                // In WAL mode the compacted pages are in the log: only a checkpoint shrinks the file itself.
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } finally {
                ProgressHandler.clearHandler(connection);
            }
        } catch (SQLException e) {
            if (cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("compacting " + file.getFileName() + " was cancelled; the file is unchanged");
            }
            throw SqliteErrors.translate(file, e);
        } finally {
            lock.unlock();
        }
    }

    private static long pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, e);
        } finally {
            lock.unlock();
        }
    }
}
