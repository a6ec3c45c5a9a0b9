package dev.lectern.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Checks a file's first 100 bytes before SQLite touches it, so random bytes, an empty or a truncated file are
 * refused with a clear message and without SQLite writing anything (not even a WAL) beside them.
 */
final class ProjectHeader {
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private ProjectHeader() {
    }

    /** What the header says; the schema version may lag behind commits still in a WAL. */
    record Identity(int applicationId, int userVersion) {
    }

    static Identity check(Path file) {
        String name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new ProjectFileException(ProjectFileException.Reason.NOT_FOUND, file, "no such project file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new ProjectFileException(ProjectFileException.Reason.NOT_A_DATABASE, file, name + " is not a file");
        }
        byte[] header = new byte[HEADER_SIZE];
        int read;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, HEADER_SIZE);
            size = Files.size(file);
        } catch (IOException e) {
            throw new ProjectFileException(ProjectFileException.Reason.IO_ERROR, file, "cannot read " + name + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new ProjectFileException(ProjectFileException.Reason.NOT_A_DATABASE, file,
                    name + " is empty, not a Lectern project");
        }
        if (read < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ProjectFileException(ProjectFileException.Reason.NOT_A_DATABASE, file,
                    name + " is not a Lectern project (it is not an SQLite database)");
        }
        if (read < HEADER_SIZE) {
            throw new ProjectFileException(ProjectFileException.Reason.TRUNCATED, file,
                    name + " is truncated (" + size + " bytes); restore it from a backup");
        }
        long pageSize = u16(header, 16) == 1 ? 65536 : u16(header, 16);
        long pageCount = u32(header, 28);
        boolean pageCountValid = u32(header, 24) == u32(header, 92) && pageCount > 0;
        // A checkpoint copies pages from the WAL in page order, header page first, so a crash midway leaves a
        // file shorter than its header says while the WAL still holds every page: SQLite recovers that.
        if (pageCountValid && size < pageSize * pageCount && !hasWalFrames(file)) {
            throw new ProjectFileException(ProjectFileException.Reason.TRUNCATED, file,
                    name + " is truncated (" + size + " of " + pageSize * pageCount + " bytes); restore it from a backup");
        }
        return new Identity((int) u32(header, 68), (int) u32(header, 60));
    }

    /** A WAL longer than its 32-byte header holds frames that SQLite reads before the main file. */
    private static boolean hasWalFrames(Path file) {
        try {
            return Files.size(file.resolveSibling(file.getFileName() + "-wal")) > 32;
        } catch (IOException e) {
            return false;
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
