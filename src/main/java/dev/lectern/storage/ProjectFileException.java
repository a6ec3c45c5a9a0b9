package dev.lectern.storage;

import java.nio.file.Path;

/** A project file that cannot be used as asked. The message names the file and says what to do. */
public class ProjectFileException extends RuntimeException {
    public enum Reason {
        NOT_FOUND, ALREADY_EXISTS, NOT_A_DATABASE, TRUNCATED, FOREIGN_DATABASE, NEWER_VERSION, CORRUPT,
        READ_ONLY, LOCKED, MIGRATION_FAILED, IO_ERROR
    }

    private final Reason reason;
    private final transient Path file;

    public ProjectFileException(Reason reason, Path file, String message) {
        this(reason, file, message, null);
    }

    public ProjectFileException(Reason reason, Path file, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() {
        return reason;
    }

    public Path file() {
        return file;
    }

    /** True when the file itself is unusable (as opposed to busy or an I/O failure): bad input, exit 2. */
    public boolean isUnusableFile() {
        return switch (reason) {
            case NOT_FOUND, ALREADY_EXISTS, NOT_A_DATABASE, TRUNCATED, FOREIGN_DATABASE, NEWER_VERSION, CORRUPT -> true;
            default -> false;
        };
    }
}
