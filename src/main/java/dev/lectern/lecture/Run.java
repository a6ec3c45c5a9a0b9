package dev.lectern.lecture;

import java.time.Instant;
import java.util.List;

/**
 * One regeneration of one segment's starting image: the seed's workflow run, kept in the project file so it
 * survives restarts and can be reviewed from another process.
 *
 * @param requestedPrompt the editor's prompt override, null to use the segment's
 * @param requestedModel  the editor's model choice, null to resolve from settings
 * @param settings        null until the settings step has run
 * @param preview         null until the image was generated
 * @param waitExpiresAt   when an unanswered review expires; null unless awaiting review
 */
public record Run(
        String id,
        String lectureId,
        String segmentId,
        RunStatus status,
        ReviewOutcome reviewOutcome,
        String requestedPrompt,
        String requestedModel,
        GenerationSettings settings,
        PreviewImage preview,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant waitExpiresAt,
        List<RunMessage> messages) {

    public Run {
        Ids.requireValid("run id", id);
        messages = List.copyOf(messages);
    }

    /** A new status with a message for the author; clears the review wait unless still awaiting review. */
    public Run withStatus(RunStatus next, Instant now, String message) {
        return new Run(id, lectureId, segmentId, next, reviewOutcome, requestedPrompt, requestedModel, settings, preview,
                error, createdAt, now, next == RunStatus.AWAITING_REVIEW ? waitExpiresAt : null, plus(message, now));
    }

    public Run failed(RunStatus terminal, Instant now, String why) {
        return new Run(id, lectureId, segmentId, terminal, reviewOutcome, requestedPrompt, requestedModel, settings, preview,
                why, createdAt, now, null, plus(why, now));
    }

    public Run withSettings(GenerationSettings resolved, Instant now, String message) {
        return new Run(id, lectureId, segmentId, status, reviewOutcome, requestedPrompt, requestedModel, resolved, preview,
                error, createdAt, now, waitExpiresAt, plus(message, now));
    }

    public Run withPreview(PreviewImage image, Instant now, String message) {
        return new Run(id, lectureId, segmentId, status, reviewOutcome, requestedPrompt, requestedModel, settings, image,
                error, createdAt, now, waitExpiresAt, plus(message, now));
    }

    public Run awaitingReview(Instant now, Instant expiresAt, String message) {
        return new Run(id, lectureId, segmentId, RunStatus.AWAITING_REVIEW, reviewOutcome, requestedPrompt, requestedModel,
                settings, preview, error, createdAt, now, expiresAt, plus(message, now));
    }

    public Run reviewed(ReviewOutcome outcome, Instant now, String message) {
        return new Run(id, lectureId, segmentId, RunStatus.RUNNING, outcome, requestedPrompt, requestedModel, settings,
                preview, error, createdAt, now, null, plus(message, now));
    }

    private List<RunMessage> plus(String message, Instant now) {
        if (message == null) {
            return messages;
        }
        List<RunMessage> next = new java.util.ArrayList<>(messages);
        next.add(new RunMessage(now, message));
        return next;
    }
}
