package dev.lectern.generation;

import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.Run;

/** What the workflow publishes (seed §5: preview, status, complete). Always sent after the change is committed. */
public sealed interface WorkflowEvent {

    /** An event about one run. */
    sealed interface RunEvent extends WorkflowEvent {
        Run run();
    }

    /** Any change of status, a new message or a new candidate. */
    record StatusChanged(Run run) implements RunEvent {
    }

    /** The preview is stored and the review wait is persisted: show it. */
    record PreviewReady(Run run) implements RunEvent {
    }

    /** The outcome is saved (the seed's {@code video-image-complete}): the only signal to reload the lecture. */
    record Completed(Run run) implements RunEvent {
    }

    /** A segment's image was made current outside a review (a restore) and saved: like {@link Completed}, the signal to reload. */
    record ImageCommitted(String lectureId, String segmentId, ImageVersion version) implements WorkflowEvent {
    }

    /** A pause or resume of the queue or of a batch was saved (here, or from another process): its controls are out of date. */
    record QueueChanged() implements WorkflowEvent {
    }

    /** Versions were removed from the project (prune): histories are out of date. */
    record VersionsPruned(int count) implements WorkflowEvent {
    }
}
