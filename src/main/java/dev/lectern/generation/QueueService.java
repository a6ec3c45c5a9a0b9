package dev.lectern.generation;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The author's control of the whole queue (issue 17): pause it (a running call finishes, nothing new starts, and
 * the pause is in the file, so it holds across restarts and for every process), resume it, and move a run or a
 * batch to the front (its queued runs take the next free slots of their providers).
 */
public final class QueueService {
    private final RunService runs;
    private final RegenerateWorkflow workflow;
    private final WorkflowEvents events;
    private final Clock clock;

    @Inject
    public QueueService(RunService runs, RegenerateWorkflow workflow, WorkflowEvents events, Clock clock) {
        this.runs = runs;
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    public boolean paused(Project project) {
        return project.queue().paused();
    }

    public void pause(Project project) {
        project.queue().setPaused(true, clock.instant());
        events.publish(new WorkflowEvent.QueueChanged());
    }

    /** Ends the pause; the caller drives the queued runs with {@link #driveQueued} (it blocks). */
    public void resume(Project project) {
        project.queue().setPaused(false, clock.instant());
        events.publish(new WorkflowEvent.QueueChanged());
    }

    /** Drives every queued run of the project, front first; blocks until each waits for review, ends or is held. */
    public void driveQueued(Project project) {
        runs.driveAll(project, project.runs().unfinished().stream().filter(r -> r.status() == RunStatus.QUEUED).map(Run::id).toList());
    }

    /**
     * Puts a queued run, or a batch's queued runs, ahead of every other run: the next free slot of their provider
     * goes to them. Returns the runs moved.
     */
    public List<String> moveToFront(Project project, String runOrBatchId) {
        List<String> moved;
        if (project.batches().find(runOrBatchId).isPresent()) {
            moved = project.batches().runIds(runOrBatchId, RunStatus.QUEUED);
            if (moved.isEmpty()) {
                throw new InvalidInputException("batch " + runOrBatchId + " has no queued runs left to move");
            }
        } else {
            Run run = runs.find(project, runOrBatchId);
            if (run.status() != RunStatus.QUEUED) {
                throw new InvalidInputException("run " + runOrBatchId + " is " + run.status().wireName()
                        + "; only a queued run waits for its turn");
            }
            moved = List.of(run.id());
        }
        workflow.reorder(moved, project.queue().moveToFront(moved));
        return moved;
    }
}
