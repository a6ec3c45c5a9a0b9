package dev.lectern.generation;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import dev.lectern.provider.ModelRef;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the editor and the command line do with runs: start a regeneration, answer its review, cancel it,
 * and resume what a crash or a closed window left unfinished. The same calls work from any process.
 */
@Singleton
public final class RunService {
    private final RegenerateWorkflow workflow;
    private final Clock clock;

    @Inject
    public RunService(RegenerateWorkflow workflow, Clock clock) {
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * Seed §5.1: creates a run for a segment ({@code SEGMENT} or {@code LECTURE/SEGMENT}), superseding the
     * segment's unfinished run (one whose review was answered before a crash gets that answer applied first,
     * not dropped). Returns it queued; {@link #drive} runs it.
     */
    public Run create(Project project, String segmentRef, String prompt, String model) {
        LectureSegment segment = project.lectures().findSegment(segmentRef).orElseThrow(() -> new InvalidInputException(
                "there is no segment " + segmentRef + " in " + project.info().file().getFileName() + "; 'lectern segments' lists them"));
        if (model != null && !model.isBlank()) {
            ModelRef.parse(model);
        }
        if (prompt != null && prompt.length() > 32_000) {
            throw new InvalidInputException("the prompt is longer than 32000 characters");
        }
        String runId = RunIds.next();
        Instant now = clock.instant();
        for (Run older : project.runs().unfinished(segment.lectureId(), segment.video().id())) {
            if (project.runs().decision(older.id()).isPresent() && !project.runs().cancelRequested(older.id())) {
                // Answered before a crash, not yet applied: the author's answer stands; apply it, don't drop it.
                workflow.drive(project, older.id());
            } else {
                workflow.cancel(project, older.id(), "Superseded by run " + runId + "; the starting image is unchanged");
            }
        }
        Run run = new Run(runId, segment.lectureId(), segment.video().id(), RunStatus.QUEUED, null,
                blankToNull(prompt), blankToNull(model), null, null, null, now, now, null,
                List.of(new RunMessage(now, "Regeneration requested")));
        project.runs().insert(run);
        return run;
    }

    /** Runs a run's steps until it waits for review or ends. Blocks for as long as the image model takes. */
    public Run drive(Project project, String runId) {
        return workflow.drive(project, runId);
    }

    /** {@link #create} then {@link #drive}: what {@code lectern regenerate} does. */
    public Run regenerate(Project project, String segmentRef, String prompt, String model) {
        return drive(project, create(project, segmentRef, prompt, model).id());
    }

    /**
     * Seed §5.6: the author's answer, matched on the run (and the segment, when given). Recorded first, then
     * applied, so an answer given just before a crash is applied on resume, or when the author gives it again.
     */
    public Run review(Project project, String runId, String segmentId, ReviewOutcome outcome) {
        Run run = find(project, runId);
        if (segmentId != null && !segmentId.equals(run.segmentId())) {
            throw new InvalidInputException("run " + runId + " regenerates segment " + run.segmentId() + ", not " + segmentId);
        }
        run = workflow.expireIfOverdue(project, run);
        if (run.status() != RunStatus.AWAITING_REVIEW) {
            throw new InvalidInputException("run " + runId + " is " + run.status().wireName() + ", not awaiting review"
                    + (run.reviewOutcome() != null ? " (it was " + run.reviewOutcome().wireName() + ")" : ""));
        }
        if (!project.runs().recordDecision(runId, outcome)) {
            ReviewOutcome recorded = project.runs().decision(runId).orElse(null);
            if (recorded != outcome) {
                throw new InvalidInputException("run " + runId + " was already answered"
                        + (recorded != null ? " (" + recorded.wireName() + ")" : ""));
            }
            // The same answer, recorded before a crash but not applied: asking again finishes applying it.
        }
        return drive(project, runId);
    }

    public Run cancel(Project project, String runId) {
        Run run = find(project, runId);
        if (run.status().isTerminal()) {
            throw new InvalidInputException("run " + runId + " already ended (" + run.status().wireName() + ")");
        }
        return workflow.cancel(project, runId, "Cancelled by the author; the starting image is unchanged");
    }

    /**
     * Finishes what was left unfinished: expires reviews nobody answered in time, applies answers that were
     * recorded but not applied, and continues runs from their first unfinished step. Returns the runs touched.
     */
    public List<Run> resume(Project project) {
        List<Run> touched = new ArrayList<>();
        for (Run run : project.runs().unfinished()) {
            Run after = run.status() == RunStatus.AWAITING_REVIEW && project.runs().decision(run.id()).isEmpty()
                    && !project.runs().cancelRequested(run.id())
                    ? workflow.expireIfOverdue(project, run)
                    : drive(project, run.id());
            touched.add(after);
        }
        return touched;
    }

    public List<Run> runs(Project project) {
        return project.runs().list();
    }

    public Run find(Project project, String runId) {
        return RegenerateWorkflow.load(project, runId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
