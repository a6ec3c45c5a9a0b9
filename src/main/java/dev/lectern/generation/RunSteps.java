package dev.lectern.generation;

import static dev.lectern.generation.RegenerateWorkflow.APPLY_REVIEW;
import static dev.lectern.generation.RegenerateWorkflow.FINISH;
import static dev.lectern.generation.RegenerateWorkflow.GENERATE;
import static dev.lectern.generation.RegenerateWorkflow.PUBLISH_PREVIEW;
import static dev.lectern.generation.RegenerateWorkflow.READY_FOR_REVIEW;
import static dev.lectern.generation.RegenerateWorkflow.SETTINGS;
import static dev.lectern.generation.RegenerateWorkflow.VALIDATE;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.StartingImageIds;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The bookkeeping every step of {@link RegenerateWorkflow} shares: a step's completion written with the run's new
 * state (and, for {@code commit}, committed and then published), the persisted wait for review, a candidate stored
 * as a version, and the reads of the run and its segment as the file has them now.
 */
final class RunSteps {
    private final WorkflowEvents events;
    private final Clock clock;
    private final Duration reviewTimeout;

    RunSteps(WorkflowEvents events, Clock clock, Duration reviewTimeout) {
        this.events = events;
        this.clock = clock;
        this.reviewTimeout = reviewTimeout;
    }

    /** Commits a step with the run's new state, then tells subscribers. */
    Run commit(Project project, Run next, String step, Object output) {
        Run saved = project.transaction(() -> record(project, next, step, output));
        events.publish(new WorkflowEvent.StatusChanged(saved));
        return saved;
    }

    /** Writes a step's completion with the run's new state; the caller's transaction commits it and publishes. */
    Run record(Project project, Run next, String step, Object output) {
        project.runs().update(next);
        project.runs().completeStep(next.id(), step, JsonSupport.write(output), clock.instant());
        return next;
    }

    Run save(Project project, Run next) {
        project.runs().update(next);
        events.publish(new WorkflowEvent.StatusChanged(next));
        return next;
    }

    Run finish(Project project, Run ended) {
        Run saved = save(project, ended);
        events.publish(new WorkflowEvent.Completed(saved));
        return saved;
    }

    /**
     * Records the generate step (which candidates it stored) and the persisted wait for review; the caller's
     * transaction commits both with the last candidate.
     */
    Run awaitReview(Project project, Run run) {
        record(project, run, GENERATE, run.candidates().stream().map(Candidate::index).toList());
        Instant now = clock.instant();
        return record(project, run.awaitingReview(now, now.plus(reviewTimeout), READY_FOR_REVIEW), PUBLISH_PREVIEW, Map.of());
    }

    /** Stores an image as the next version of the segment's image (same image id) and as the run's candidate {@code index}. */
    static Candidate addCandidate(Project project, Run run, VideoAsset segment, int index, ImageContent image,
                                          ImageRepository.Provenance provenance) {
        String imageKey = segment.imageKey() != null ? segment.imageKey() : StartingImageIds.forRun(run.id(), run.segmentId());
        ImageVersion version = project.images().add(imageKey, image, provenance);
        Candidate candidate = new Candidate(index, imageKey, version.version(), version.sha256(), version.width(), version.height(),
                version.seed(), false);
        project.runs().addCandidate(run.id(), candidate);
        return candidate;
    }

    static String firstUnfinished(Project project, Run run) {
        Set<String> done = project.runs().completedSteps(run.id()); // one read, not one per step
        for (String step : new String[] {VALIDATE, SETTINGS, GENERATE, PUBLISH_PREVIEW, APPLY_REVIEW}) {
            if (!done.contains(step)) {
                return step;
            }
        }
        return FINISH;
    }

    static boolean isDone(Project project, Run run, String step) {
        return project.runs().stepOutput(run.id(), step).isPresent();
    }

    /** The segment as the file has it now (seed §5.7: reload, never trust an earlier copy). */
    static VideoAsset segment(Project project, Run run) {
        return project.lectures().findSegment(run.lectureId() + "/" + run.segmentId()).map(LectureSegment::video)
                .orElseThrow(() -> gone(run));
    }

    static InvalidInputException gone(Run run) {
        return new InvalidInputException("segment " + run.segmentId() + " of lecture " + run.lectureId()
                + " no longer exists; nothing was changed");
    }

    static Run load(Project project, String runId) {
        return project.runs().find(runId).orElseThrow(() -> new InvalidInputException(
                "there is no run " + runId + " in " + project.info().file().getFileName() + "; 'lectern runs' lists them"));
    }

    Run expireIfOverdue(Project project, Run run) {
        if (run.status() == RunStatus.AWAITING_REVIEW && run.waitExpiresAt() != null
                && !clock.instant().isBefore(run.waitExpiresAt()) && project.runs().decision(run.id()).isEmpty()) {
            return finish(project, run.failed(RunStatus.EXPIRED, clock.instant(),
                    "Nobody reviewed the preview within " + reviewTimeout.toDays() + " days; the starting image is unchanged"));
        }
        return run;
    }

    static String cancelMessage(Run run) {
        return "Cancelled before the preview was " + (run.preview() == null ? "ready" : "reviewed") + "; the starting image is unchanged";
    }
}
