package dev.lectern.storage;

import java.util.List;

/** One step of the schema: what takes a file from version {@code toVersion - 1} to {@code toVersion}. */
public record Migration(int toVersion, List<String> statements) {
    public Migration {
        if (toVersion < 1) {
            throw new IllegalArgumentException("schema versions start at 1");
        }
        statements = List.copyOf(statements);
    }
}
