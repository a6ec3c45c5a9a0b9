package dev.lectern.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.VideoAsset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The inverse of {@link LectureImporter}: the web app's lecture record, and optionally each segment's
 * committed image as {@code DIR/images/<startingImageId>.<ext>}, byte for byte as stored.
 */
public final class LectureExporter {

    public Lecture lecture(Project project, String lectureId) {
        return project.lectures().load(lectureId).orElseThrow(() -> new InvalidInputException(
                "there is no lecture " + lectureId + " in " + project.info().file().getFileName()
                        + "; 'lectern segments' lists the lectures"));
    }

    public String exportJson(Project project, String lectureId) {
        try {
            return JsonSupport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(LectureJson.write(lecture(project, lectureId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a lecture tree always serialises", e);
        }
    }

    /** Writes the committed images; returns how many were written. */
    public int exportImages(Project project, String lectureId, Path dir) {
        Lecture lecture = lecture(project, lectureId);
        Path imagesDir = dir.resolve("images");
        int written = 0;
        try {
            Files.createDirectories(imagesDir);
            for (VideoAsset v : lecture.videos()) {
                if (v.imageVersion() == null) {
                    continue;
                }
                ImageVersion version = project.images().find(v.imageKey(), v.imageVersion()).orElseThrow();
                byte[] bytes = project.images().bytes(v.imageKey(), v.imageVersion()).orElseThrow();
                AtomicFiles.write(imagesDir.resolve(v.imageKey() + "." + version.fileExtension()), bytes);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write images to " + imagesDir + ": " + e.getMessage(), e);
        }
        return written;
    }
}
