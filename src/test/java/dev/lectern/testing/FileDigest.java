package dev.lectern.testing;

import dev.lectern.lecture.ImageContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sha256 of a file's bytes: "left byte-for-byte unchanged" is checked with this. */
public final class FileDigest {
    private FileDigest() {
    }

    public static String of(Path file) {
        try {
            return ImageContent.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
