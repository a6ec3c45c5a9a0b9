package dev.lectern.storage;

import java.nio.file.Path;

/**
 * What identifies an open project. {@code projectId} is a UUID made when the file was created; caches are
 * keyed by it so two projects never share cached renditions. {@code title} may be null.
 */
public record ProjectInfo(Path file, String projectId, String title, int schemaVersion, boolean readOnly) {
}
