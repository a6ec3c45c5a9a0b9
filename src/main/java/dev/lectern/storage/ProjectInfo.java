package dev.lectern.storage;

import java.nio.file.Path;

/**
 * What identifies an open project. {@code projectId} is a UUID made when the file was created; caches are
 * keyed by it so two projects never share cached renditions. {@code title} may be null;
 * {@code readOnlyReason} is null when the project is open for writing.
 */
public record ProjectInfo(Path file, String projectId, String title, int schemaVersion, String readOnlyReason) {
    /** Null when the project is writable; otherwise why not (held by another Lectern, a read-only file, ...). */
    public boolean readOnly() {
        return readOnlyReason != null;
    }
}
