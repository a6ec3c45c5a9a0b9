package dev.lectern.lecture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One regeneration of one segment's starting image: the seed's workflow run, kept in the project file so it
 * survives restarts and can be reviewed from another process.
 *
 * @param requestedPrompt     the editor's prompt override, null to use the segment's
 * @param requestedModel      the editor's model choice, null to resolve from settings
 * @param requestedCandidates how many images to ask for, null for the project's {@code image.candidates}
 * @param requestedSeed       the seed to start from (recalled from a version), null for one derived from the run id
 * @param settings            null until the settings step has run
 * @param preview             null until the first image arrived; the first candidate, then the accepted one
 * @param candidates          the images received so far, in order of arrival
 * @param waitExpiresAt       when an unanswered review expires; null unless awaiting review
 */
public record Run(
        String id,
        String lectureId,
        String segmentId,
        RunStatus status,
        ReviewOutcome reviewOutcome,
        String requestedPrompt,
        String requestedModel,
        Integer requestedCandidates,
        Long requestedSeed,
        GenerationSettings settings,
        PreviewImage preview,
        List<Candidate> candidates,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant waitExpiresAt,
        List<RunMessage> messages) {

    /** The order of the runs panel and of {@code lectern runs}: newest first, as the file pages them. */
    public static final Comparator<Run> NEWEST_FIRST = Comparator.comparing(Run::createdAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Run::id, Comparator.reverseOrder());

    public Run {
        Ids.requireValid("run id", id);
        candidates = List.copyOf(candidates);
        messages = List.copyOf(messages);
    }

    /** A new run, queued, with its first message. */
    public static Run requested(String id, String lectureId, String segmentId, String prompt, String model, Integer candidates,
                                Long seed, Instant now) {
        return new Run(id, lectureId, segmentId, RunStatus.QUEUED, null, prompt, model, candidates, seed, null, null, List.of(),
                null, now, now, null, List.of(new RunMessage(now, "Regeneration requested")));
    }

    /** A new status with a message for the author; clears the review wait unless still awaiting review. */
    public Run withStatus(RunStatus next, Instant now, String message) {
        return new Run(id, lectureId, segmentId, next, reviewOutcome, requestedPrompt, requestedModel, requestedCandidates,
                requestedSeed, settings, preview, candidates, error, createdAt, now,
                next == RunStatus.AWAITING_REVIEW ? waitExpiresAt : null, plus(message, now));
    }

    /** A failed run queued again: the error goes, the steps it finished and the images it received stay. */
    public Run requeued(Instant now, String message) {
        return new Run(id, lectureId, segmentId, RunStatus.QUEUED, null, requestedPrompt, requestedModel, requestedCandidates,
                requestedSeed, settings, preview, candidates, null, createdAt, now, null, plus(message, now));
    }

    public Run failed(RunStatus terminal, Instant now, String why) {
        return new Run(id, lectureId, segmentId, terminal, reviewOutcome, requestedPrompt, requestedModel, requestedCandidates,
                requestedSeed, settings, preview, candidates, why, createdAt, now, null, plus(why, now));
    }

    public Run withSettings(GenerationSettings resolved, Instant now, String message) {
        return new Run(id, lectureId, segmentId, status, reviewOutcome, requestedPrompt, requestedModel, requestedCandidates,
                requestedSeed, resolved, preview, candidates, error, createdAt, now, waitExpiresAt, plus(message, now));
    }

    /** One more image received; the first one is also the run's preview. */
    public Run withCandidate(Candidate candidate, Instant now, String message) {
        List<Candidate> more = new ArrayList<>(candidates);
        more.add(candidate);
        return new Run(id, lectureId, segmentId, status, reviewOutcome, requestedPrompt, requestedModel, requestedCandidates,
                requestedSeed, settings, preview != null ? preview : candidate.asPreview(), more, error, createdAt, now, waitExpiresAt,
                plus(message, now));
    }

    public Run awaitingReview(Instant now, Instant expiresAt, String message) {
        return new Run(id, lectureId, segmentId, RunStatus.AWAITING_REVIEW, reviewOutcome, requestedPrompt, requestedModel,
                requestedCandidates, requestedSeed, settings, preview, candidates, error, createdAt, now, expiresAt, plus(message, now));
    }

    /** The review applied; an accepted candidate becomes the run's preview. The run is not yet marked complete. */
    public Run reviewed(ReviewOutcome outcome, Candidate accepted, Instant now, String message) {
        return new Run(id, lectureId, segmentId, RunStatus.RUNNING, outcome, requestedPrompt, requestedModel, requestedCandidates,
                requestedSeed, settings, accepted != null ? accepted.asPreview() : preview, candidates, error, createdAt, now, null,
                plus(message, now));
    }

    /** How many images this run asks for, once its settings are resolved. */
    public int wantedCandidates() {
        return settings != null ? settings.candidates() : requestedCandidates != null ? requestedCandidates : 1;
    }

    /** The candidates the author has not discarded. */
    public List<Candidate> liveCandidates() {
        return candidates.stream().filter(c -> !c.discarded()).toList();
    }

    public Optional<Candidate> candidate(int index) {
        return candidates.stream().filter(c -> c.index() == index).findFirst();
    }

    private List<RunMessage> plus(String message, Instant now) {
        if (message == null) {
            return messages;
        }
        List<RunMessage> next = new ArrayList<>(messages);
        next.add(new RunMessage(now, message));
        return next;
    }
}
