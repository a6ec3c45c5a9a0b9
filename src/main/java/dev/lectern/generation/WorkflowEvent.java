package dev.lectern.generation;

import dev.lectern.lecture.Run;

/** What the workflow publishes (seed §5: preview, status, complete). Always sent after the change is committed. */
public sealed interface WorkflowEvent {
    Run run();

    /** Any change of status or a new message. */
    record StatusChanged(Run run) implements WorkflowEvent {
    }

    /** The preview is stored and the review wait is persisted: show it. */
    record PreviewReady(Run run) implements WorkflowEvent {
    }

    /** The outcome is saved (the seed's {@code video-image-complete}): the only signal to reload the lecture. */
    record Completed(Run run) implements WorkflowEvent {
    }
}
