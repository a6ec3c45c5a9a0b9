package dev.lectern.testing;

import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real project file for the regenerate tests: lecture {@value #LECTURE} with three segments, each with a
 * real PNG stored as version 1 of its starting image and a prompt of its own.
 */
public final class TestProjects {
    public static final String LECTURE = "lec-1";
    public static final String SEGMENT = "seg-2";
    /** The segment the tests regenerate, as {@code LECTURE/SEGMENT}. */
    public static final String SEGMENT_REF = LECTURE + "/" + SEGMENT;
    public static final String PROMPT = "a lighthouse at dawn";
    public static final long REVISION = 3;

    private TestProjects() {
    }

    /** The starting image id of segment {@code seg-N}. */
    public static String imageId(String segmentId) {
        return "video-img-run0-" + segmentId;
    }

    /** Creates the project at {@code file} and closes it. */
    public static void create(Path file) {
        Color[] corners = {Color.RED, Color.YELLOW, Color.MAGENTA};
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(file, "Lighthouses", project -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < corners.length; i++) {
                String segmentId = "seg-" + (i + 1);
                String prompt = i == 1 ? PROMPT : "segment " + (i + 1) + " of the lighthouse lecture";
                int version = project.images().add(imageId(segmentId), TestImages.png(64, 36, corners[i]),
                        new ImageRepository.Provenance("titlecard", prompt, (long) i)).version();
                videos.add(new VideoAsset(segmentId, "Part " + (i + 1), i, "/u/p/" + LECTURE + "/videos/" + segmentId + ".mp4",
                        imageId(segmentId), "titlecard", prompt, null, version, Map.of()));
            }
            project.lectures().save(new Lecture(LECTURE, "Lighthouses", REVISION,
                    Timestamps.format(Instant.parse("2025-03-01T09:30:00Z")), videos, Map.of(), Map.of()));
        }).close();
    }
}
