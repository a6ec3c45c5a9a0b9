package dev.lectern.generation;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole-lecture regenerations (issue 17) on the one workflow: a batch is a group of ordinary runs, so each has its
 * steps, its durable candidates and its review as a single regenerate does. The provider limits of the workflow
 * decide how many calls run at once; a paused or cancelled batch starts no new call (a running one finishes).
 */
public final class BatchService {

    private final RunService runs;
    private final WorkflowEvents events;
    private final Clock clock;

    @Inject
    public BatchService(RunService runs, WorkflowEvents events, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues a run for each named segment of the lecture (all of them when {@code segmentIds} is empty), with the
     * settings each resolves to (seed §5.3) unless {@code model} says otherwise, in one transaction with the batch.
     */
    public Batch start(Project project, String lectureId, List<String> segmentIds, String model, Integer candidates) {
        return start(project, lectureId, SegmentSelection.of(segmentIds), model, candidates);
    }

    /** As above, for the segments {@code selection} chooses (seed §5.3 settings each, unless {@code model}). */
    public Batch start(Project project, String lectureId, SegmentSelection selection, String model, Integer candidates) {
        Lecture lecture = lecture(project, lectureId);
        List<String> chosen = selection.choose(project, lecture);
        String batchId = RunIds.nextBatch();
        project.transaction(() -> {
            List<String> runIds = new ArrayList<>();
            for (String segmentId : chosen) {
                runIds.add(runs.create(project, lectureId + "/" + segmentId, null, model, candidates, null).id());
            }
            project.batches().insert(batchId, lectureId, clock.instant(), runIds);
            return null;
        });
        return find(project, batchId);
    }

    /** The segments a batch with {@code selection} would regenerate, without starting it: what the dialog counts. */
    public List<String> preview(Project project, String lectureId, SegmentSelection selection) {
        return selection.choose(project, lecture(project, lectureId));
    }

    private static Lecture lecture(Project project, String lectureId) {
        return project.lectures().load(lectureId).orElseThrow(() -> new InvalidInputException("there is no lecture "
                + lectureId + " in " + project.info().file().getFileName() + "; 'lectern segments' lists them"));
    }

    /**
     * Drives the batch's queued runs until each waits for review, ends, or is held by a pause. Blocks; at most
     * the providers' concurrency calls are in flight at once.
     */
    public Batch drive(Project project, String batchId) {
        find(project, batchId);
        runs.driveAll(project, project.batches().runIds(batchId, RunStatus.QUEUED));
        return find(project, batchId);
    }

    public Batch find(Project project, String batchId) {
        return project.batches().find(batchId).orElseThrow(() -> new InvalidInputException("there is no batch " + batchId + " in "
                + project.info().file().getFileName() + "; 'lectern batches' lists them"));
    }

    public List<Batch> list(Project project) {
        return project.batches().list();
    }

    /** The batch's runs, oldest first. */
    public List<Run> runsOf(Project project, String batchId) {
        find(project, batchId);
        return project.runs().inBatch(batchId);
    }

    /** Holds the batch's queued runs (they stay queued); a running call finishes. Survives a restart: it is in the file. */
    public Batch pause(Project project, String batchId) {
        find(project, batchId);
        project.batches().setPaused(batchId, true);
        events.publish(new WorkflowEvent.QueueChanged());
        return find(project, batchId);
    }

    /** Lets the batch's queued runs start again; {@link #drive} drives them. */
    public Batch resume(Project project, String batchId) {
        Batch batch = find(project, batchId);
        if (batch.cancelled()) {
            throw new InvalidInputException("batch " + batchId + " was cancelled; start a new one");
        }
        project.batches().setPaused(batchId, false);
        events.publish(new WorkflowEvent.QueueChanged());
        return find(project, batchId);
    }

    /** Cancels the batch's queued runs; previews already made stay for review, running calls finish. */
    public Batch cancel(Project project, String batchId) {
        find(project, batchId);
        project.batches().markCancelled(batchId);
        for (String runId : project.batches().runIds(batchId, RunStatus.QUEUED)) {
            runs.cancel(project, runId);
        }
        return find(project, batchId);
    }

    /**
     * Answers every run of the batch awaiting review the same way, each in its own commit (a segment's revision
     * goes up once per accepted run). A run with several images left accepts its first one. Returns those answered.
     */
    public List<Run> reviewAll(Project project, String batchId, ReviewOutcome outcome) {
        find(project, batchId);
        List<Run> answered = new ArrayList<>();
        for (String runId : project.batches().runIds(batchId, RunStatus.AWAITING_REVIEW)) {
            Run run = runs.find(project, runId);
            Integer candidate = outcome == ReviewOutcome.ACCEPTED && !run.liveCandidates().isEmpty()
                    ? run.liveCandidates().get(0).index() : null;
            answered.add(runs.review(project, runId, run.segmentId(), outcome, candidate));
        }
        return answered;
    }

    /**
     * Queues the batch's failed runs again, as they are: each resumes at its first unfinished step and keeps the
     * images it had received, so none is paid for twice. A segment regenerated since keeps its newer run.
     */
    public Batch retryFailed(Project project, String batchId) {
        find(project, batchId);
        for (Run run : project.runs().inBatch(batchId)) {
            if (run.status() == RunStatus.FAILED && project.runs().unfinished(run.lectureId(), run.segmentId()).isEmpty()) {
                project.runs().update(run.requeued(clock.instant(), "Retrying after: " + run.error()));
            }
        }
        return find(project, batchId);
    }
}
