package dev.lectern.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
