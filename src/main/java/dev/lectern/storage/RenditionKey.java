package dev.lectern.storage;

import dev.lectern.lecture.Ids;
import java.nio.file.Path;

/** Which rendition: every part becomes a path segment, so every part is checked. */
record RenditionKey(String projectId, String imageKey, int version, int maxEdge) {
    static final int MIN_EDGE = 16;
    static final int MAX_EDGE = 4096;

    RenditionKey {
        Ids.requireValid("project id", projectId);
        Ids.requireValid("image key", imageKey);
        if (version < 1) {
            throw new IllegalArgumentException("image versions start at 1, got " + version);
        }
        if (maxEdge < MIN_EDGE || maxEdge > MAX_EDGE) {
            throw new IllegalArgumentException("maxEdge must be from " + MIN_EDGE + " to " + MAX_EDGE + " pixels, got " + maxEdge);
        }
    }

    /** {@code <root>/<projectId>/<imageKey>/v<version>-<maxEdge>.png} */
    Path file(Path root) {
        return root.resolve(projectId).resolve(imageKey).resolve("v" + version + "-" + maxEdge + ".png");
    }

    /**
     * Written into the file and compared on reading: on a case-insensitive disk "Abc" and "abc" share a file,
     * and a file copied to the wrong place must not pass as this rendition.
     */
    String label() {
        return projectId + "/" + imageKey + "/v" + version + "-" + maxEdge;
    }
}
