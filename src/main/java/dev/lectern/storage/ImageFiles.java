package dev.lectern.storage;

import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageInspector;
import dev.lectern.lecture.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An image file from the author's disk, checked the way an import checks one: a regular file, within the size
 * cap before a byte is read, a real image within the dimension limits that decodes fully. Messages start with
 * the name the author knows the file by.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    public static ImageContent read(Path file, String shownName) {
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(shownName + " is a folder, not an image file; choose a PNG or JPEG file");
            }
            if (!Files.exists(file)) {
                throw new InvalidInputException(shownName + " does not exist");
            }
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(shownName + " is not a file");
            }
            long size = Files.size(file);
            if (size > ImageInspector.MAX_BYTES) {
                throw new InvalidInputException(shownName + " is " + size / (1024 * 1024) + " MiB; images may be at most "
                        + ImageInspector.MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return ImageContent.verified(Files.readAllBytes(file));
        } catch (InvalidInputException e) {
            throw e.getMessage().startsWith(shownName) ? e : new InvalidInputException(shownName + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + shownName + ": " + e.getMessage(), e);
        }
    }
}
