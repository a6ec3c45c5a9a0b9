package dev.lectern.lecture;

/** The seed's deterministic starting-image id: {@code video-img-<run>-<segment>}. */
public final class StartingImageIds {
    private StartingImageIds() {
    }

    public static String forRun(String runId, String segmentId) {
        Ids.requireValid("run id", runId);
        Ids.requireValid("segment id", segmentId);
        return Ids.requireValid("starting image id", "video-img-" + runId + "-" + segmentId);
    }
}
