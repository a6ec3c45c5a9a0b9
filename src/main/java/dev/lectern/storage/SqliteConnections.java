package dev.lectern.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** The connection settings every project file gets: WAL, foreign keys, a busy timeout, full fsync on commit. */
final class SqliteConnections {
    static final int BUSY_TIMEOUT_MS = 5000;

    private SqliteConnections() {
    }

    static Connection readWrite(Path file) throws SQLException {
        SQLiteConfig config = base();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit that returned is on disk even if the machine loses power, not only if the app dies.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.createConnection(url(file));
    }

    static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = base();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        return config.createConnection(url(file));
    }

    private static SQLiteConfig base() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }
}
