package dev.lectern.ui.main;

import dev.lectern.lecture.VideoAsset;

/** One row of the segment list: what it shows is fixed by (imageKey, imageVersion), so it can't be stale. */
public record SegmentItem(String lectureId, VideoAsset video) {
    public String imageKey() {
        return video.imageKey();
    }

    public Integer imageVersion() {
        return video.imageVersion();
    }

    public String displayTitle() {
        return video.title() != null && !video.title().isBlank() ? video.title() : video.id();
    }
}
