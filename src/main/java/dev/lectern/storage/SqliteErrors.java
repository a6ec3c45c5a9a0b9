package dev.lectern.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into messages a course author can act on. */
final class SqliteErrors {
    private SqliteErrors() {
    }

    static ProjectFileException translate(Path file, SQLException e) {
        String name = file.getFileName().toString();
        SQLiteErrorCode code = e instanceof SQLiteException se ? se.getResultCode() : null;
        int primary = code == null ? -1 : code.code & 0xff;
        return switch (primary) {
            case 26 -> new ProjectFileException(ProjectFileException.Reason.NOT_A_DATABASE, file,
                    name + " is not a Lectern project (not an SQLite database)", e);
            case 11 -> new ProjectFileException(ProjectFileException.Reason.CORRUPT, file,
                    name + " is damaged (" + e.getMessage() + "); restore it from a backup", e);
            case 5, 6 -> new ProjectFileException(ProjectFileException.Reason.LOCKED, file,
                    name + " is busy in another program; close it there and try again", e);
            case 8 -> new ProjectFileException(ProjectFileException.Reason.READ_ONLY, file,
                    name + " cannot be written (read-only file or folder)", e);
            case 14 -> new ProjectFileException(ProjectFileException.Reason.IO_ERROR, file,
                    "cannot open " + name + ": its folder is missing or cannot be written", e);
            case 13 -> new ProjectFileException(ProjectFileException.Reason.IO_ERROR, file,
                    "the disk is full while writing " + name + "; free some space and try again", e);
            default -> new ProjectFileException(ProjectFileException.Reason.IO_ERROR, file,
                    "could not use " + name + ": " + e.getMessage(), e);
        };
    }
}
