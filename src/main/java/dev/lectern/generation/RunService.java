package dev.lectern.generation;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.provider.ModelRef;
import dev.lectern.storage.ImageFiles;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the editor and the command line do with runs: start a regeneration, answer its review, cancel it,
 * and resume what a crash or a closed window left unfinished. The same calls work from any process.
 */
@Singleton
public final class RunService {
    private final RegenerateWorkflow workflow;
    private final RunDriver driver;
    private final Clock clock;

    @Inject
    public RunService(RegenerateWorkflow workflow, Clock clock) {
        this.workflow = workflow;
        this.driver = new RunDriver(workflow, workflow.queueOrder());
        this.clock = clock;
    }

    /**
     * Seed §5.1: creates a run for a segment ({@code SEGMENT} or {@code LECTURE/SEGMENT}), superseding the
     * segment's unfinished run (one whose review was answered before a crash gets that answer applied first,
     * not dropped). Returns it queued; {@link #drive} runs it.
     */
    public Run create(Project project, String segmentRef, String prompt, String model) {
        return create(project, segmentRef, prompt, model, null, null);
    }

    /**
     * @param candidates how many images to ask for (1 to {@value Candidate#MAX}), null for the project's {@code image.candidates}
     * @param seed       the first image's seed (recalled from a version), null to derive one from the run id
     */
    public Run create(Project project, String segmentRef, String prompt, String model, Integer candidates, Long seed) {
        LectureSegment segment = project.lectures().requireSegment(segmentRef);
        if (model != null && !model.isBlank()) {
            ModelRef.parse(model);
        }
        if (prompt != null && prompt.length() > 32_000) {
            throw new InvalidInputException("the prompt is longer than 32000 characters");
        }
        if (candidates != null) {
            ProjectSettings.candidates("--candidates", candidates.toString());
        }
        Run run = Run.requested(RunIds.next(), segment.lectureId(), segment.video().id(), blankToNull(prompt), blankToNull(model),
                candidates, seed, clock.instant());
        supersedeUnfinished(project, segment, run.id());
        project.runs().insert(run);
        return run;
    }

    /** Runs a run's steps until it waits for review or ends. Blocks for as long as the image model takes. */
    public Run drive(Project project, String runId) {
        return workflow.drive(project, runId);
    }

    /** {@link #create} then {@link #drive}: what {@code lectern regenerate} does. */
    public Run regenerate(Project project, String segmentRef, String prompt, String model) {
        return regenerate(project, segmentRef, prompt, model, null, null);
    }

    public Run regenerate(Project project, String segmentRef, String prompt, String model, Integer candidates, Long seed) {
        return drive(project, create(project, segmentRef, prompt, model, candidates, seed).id());
    }

    /**
     * The author's own image file for a segment: checked like an import's images, then offered as the one candidate
     * of a run of model {@code file}, awaiting review. A file that fails a check changes nothing, not even the
     * segment's unfinished run.
     */
    public Run useImage(Project project, String segmentRef, Path file) {
        LectureSegment segment = project.lectures().requireSegment(segmentRef);
        ImageContent image = ImageFiles.read(file, file.getFileName() == null ? file.toString() : file.getFileName().toString());
        Run run = Run.requested(RunIds.next(), segment.lectureId(), segment.video().id(), null, ModelCatalog.FILE, 1, null,
                clock.instant());
        supersedeUnfinished(project, segment, run.id());
        return workflow.offerImage(project, run, image, String.valueOf(file.getFileName()));
    }

    /** Accepts the run's only live candidate, or rejects it: a review of a run with one image. */
    public Run review(Project project, String runId, String segmentId, ReviewOutcome outcome) {
        return review(project, runId, segmentId, outcome, null);
    }

    /**
     * Seed §5.6: the author's answer, matched on the run (and the segment, when given). Recorded first, then
     * applied, so an answer given just before a crash is applied on resume, or when the author gives it again.
     *
     * @param candidate which candidate an accept takes; may be null when the run has one live candidate
     */
    public Run review(Project project, String runId, String segmentId, ReviewOutcome outcome, Integer candidate) {
        Run run = awaitingReview(project, runId, segmentId);
        Integer chosen = outcome == ReviewOutcome.ACCEPTED ? chosenCandidate(run, candidate) : null;
        if (!project.runs().recordDecision(runId, outcome, chosen)) {
            ReviewOutcome recorded = project.runs().decision(runId).orElse(null);
            if (recorded != outcome || !Objects.equals(project.runs().decidedCandidate(runId).orElse(null), chosen)) {
                throw new InvalidInputException("run " + runId + " was already answered"
                        + (recorded != null ? " (" + recorded.wireName() + ")" : ""));
            }
            // The same answer, recorded before a crash but not applied: asking again finishes applying it.
        }
        return drive(project, runId);
    }

    /** Throws one candidate of a run awaiting review away (kept, marked, until pruned); the last one is a reject. */
    public Run discard(Project project, String runId, String segmentId, int candidate) {
        awaitingReview(project, runId, segmentId);
        return workflow.discard(project, runId, candidate);
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
        List<String> touched = new ArrayList<>();
        List<String> toDrive = new ArrayList<>();
        for (Run run : project.runs().unfinished()) {
            touched.add(run.id());
            if (run.status() == RunStatus.AWAITING_REVIEW && project.runs().decision(run.id()).isEmpty()
                    && !project.runs().cancelRequested(run.id())) {
                workflow.expireIfOverdue(project, run);
            } else {
                toDrive.add(run.id());
            }
        }
        driveAll(project, toDrive);
        return touched.stream().map(id -> find(project, id)).toList();
    }

    /**
     * Drives the runs (oldest first) several at once, each when its turn comes by its place in the queue; blocks
     * until each waits for review, has ended or is held by a pause. The provider limits cap the calls in flight.
     */
    public void driveAll(Project project, List<String> runIds) {
        driver.driveAll(project, runIds);
    }

    private Run awaitingReview(Project project, String runId, String segmentId) {
        Run run = find(project, runId);
        if (segmentId != null && !segmentId.equals(run.segmentId())) {
            throw new InvalidInputException("run " + runId + " regenerates segment " + run.segmentId() + ", not " + segmentId);
        }
        run = workflow.expireIfOverdue(project, run);
        if (run.status() != RunStatus.AWAITING_REVIEW) {
            throw new InvalidInputException("run " + runId + " is " + run.status().wireName() + ", not awaiting review"
                    + (run.reviewOutcome() != null ? " (it was " + run.reviewOutcome().wireName() + ")" : ""));
        }
        return run;
    }

    private static int chosenCandidate(Run run, Integer requested) {
        List<Candidate> live = run.liveCandidates();
        if (requested == null) {
            if (live.size() == 1) {
                return live.get(0).index();
            }
            throw new InvalidInputException("run " + run.id() + " has " + live.size() + " candidates (" + indexes(live)
                    + "); say which to accept with --candidate");
        }
        Candidate c = run.candidate(requested).orElseThrow(() -> new InvalidInputException(
                "run " + run.id() + " has no candidate " + requested + "; its candidates are " + indexes(run.candidates())));
        if (c.discarded()) {
            throw new InvalidInputException("candidate " + requested + " of run " + run.id() + " was discarded; the others are "
                    + indexes(live));
        }
        return requested;
    }

    private static String indexes(List<Candidate> candidates) {
        return candidates.stream().map(c -> String.valueOf(c.index())).collect(Collectors.joining(", "));
    }

    /**
     * Seed §5.1: one unfinished run per segment. An older one is cancelled, unless its review was answered before
     * a crash and not yet applied: the author's answer stands, so it is applied, not dropped.
     */
    private void supersedeUnfinished(Project project, LectureSegment segment, String newRunId) {
        for (Run older : project.runs().unfinished(segment.lectureId(), segment.video().id())) {
            if (project.runs().decision(older.id()).isPresent() && !project.runs().cancelRequested(older.id())) {
                workflow.drive(project, older.id());
            } else {
                workflow.cancel(project, older.id(), "Superseded by run " + newRunId + "; the starting image is unchanged");
            }
        }
    }

    public List<Run> runs(Project project) {
        return project.runs().list();
    }

    /**
     * A page of runs, newest first (see {@code RunRepository.page}): the live ones, or with {@code archived} only the
     * archived ones; a bad limit, run or status is said plainly.
     */
    public List<Run> page(Project project, int limit, String beforeRunId, String status, boolean archived) {
        if (limit < 1 || limit > 10_000) {
            throw new InvalidInputException("--limit takes 1 to 10000, not " + limit);
        }
        if (beforeRunId != null && project.runs().find(beforeRunId).isEmpty()) {
            throw new InvalidInputException("there is no run " + beforeRunId + " in " + project.info().file().getFileName());
        }
        RunStatus wanted = null;
        if (status != null) {
            try {
                wanted = RunStatus.fromWire(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("unknown status '" + status + "'; one of queued, running, awaiting_review, "
                        + "succeeded, failed, cancelled, expired");
            }
        }
        return project.runs().page(limit, beforeRunId, wanted, archived);
    }

    public Run find(Project project, String runId) {
        return RunSteps.load(project, runId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
