package dev.lectern.ui.review;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import java.util.Objects;

/**
 * What to review: the run's preview against the segment as the main window shows it now (seed §7.2: the
 * dialog shows the preview, the main pane keeps the committed image).
 *
 * @param committedSegment the segment with its committed image; its {@code imageVersion} may be null
 */
public record ReviewRequest(Project project, Run run, VideoAsset committedSegment) {
    public ReviewRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(committedSegment, "committedSegment");
        if (run.preview() == null) {
            throw new IllegalArgumentException("run " + run.id() + " has no preview to review yet");
        }
        if (!run.segmentId().equals(committedSegment.id())) {
            throw new IllegalArgumentException("run " + run.id() + " regenerates segment " + run.segmentId()
                    + ", not " + committedSegment.id());
        }
    }
}
