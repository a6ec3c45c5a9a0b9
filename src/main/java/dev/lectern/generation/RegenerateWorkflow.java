package dev.lectern.generation;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VersionSource;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ProviderException;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.QueueRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's §5 workflow as durable steps. Each step commits its effects and its completion in one
 * transaction, so a run interrupted anywhere resumes at its first unfinished step, and a generation that was
 * stored is never requested again. Events go out only after the commit they describe.
 */
@Singleton
public final class RegenerateWorkflow {
    public static final Duration DEFAULT_REVIEW_TIMEOUT = Duration.ofDays(7);
    public static final String READY_FOR_REVIEW = "Starting image ready for review";
    public static final String COMPLETE = "Starting image regeneration complete";
    /** The message of a run held back because its batch is paused. */
    public static final String HELD = "Held: its batch is paused; it starts when the batch resumes";
    /** The message of a run held back because the whole queue is paused. */
    public static final String QUEUE_HELD = "Held: the queue is paused; it starts when the queue resumes";

    static final String VALIDATE = "validate";
    static final String SETTINGS = "determine-settings";
    static final String GENERATE = "generate-image";
    static final String PUBLISH_PREVIEW = "publish-preview";
    static final String APPLY_REVIEW = "apply-review";
    static final String FINISH = "mark-complete";

    private static final Logger LOG = LoggerFactory.getLogger(RegenerateWorkflow.class);

    private final SettingsResolver settingsResolver;
    private final ProviderLimits limits;
    private final WorkflowEvents events;
    private final Clock clock;
    private final Duration reviewTimeout;
    /** Cancels asked for in this process, seen by a generation in flight without a database read. */
    private final Set<String> cancelling = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> runLocks = new ConcurrentHashMap<>();
    private final RunSteps steps;
    private final GenerateStep generateStep;

    @Inject
    public RegenerateWorkflow(SettingsResolver settingsResolver, ImageGenerator generator, ProviderLimits limits,
                              WorkflowEvents events, Clock clock) {
        this(settingsResolver, generator, limits, events, clock, DEFAULT_REVIEW_TIMEOUT);
    }

    public RegenerateWorkflow(SettingsResolver settingsResolver, ImageGenerator generator, ProviderLimits limits,
                              WorkflowEvents events, Clock clock, Duration reviewTimeout) {
        this.settingsResolver = settingsResolver;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
        this.reviewTimeout = reviewTimeout;
        this.steps = new RunSteps(events, clock, reviewTimeout);
        this.generateStep = new GenerateStep(generator, limits, steps, events, clock, runId -> cancelling.contains(runId));
    }

    /**
     * Drives a run from its first unfinished step until it waits for review or ends; returns its state then.
     * Two callers driving the same run (a resume and a review at once) take turns: the second finds the steps done.
     */
    public Run drive(Project project, String runId) {
        synchronized (runLocks.computeIfAbsent(runId, id -> new Object())) {
            return driveExclusively(project, runId);
        }
    }

    private Run driveExclusively(Project project, String runId) {
        Run run = RunSteps.load(project, runId);
        try {
            while (!run.status().isTerminal()) {
                if (isCancelRequested(project, run) && !RunSteps.isDone(project, run, APPLY_REVIEW)) {
                    return steps.finish(project, run.failed(RunStatus.CANCELLED, clock.instant(), RunSteps.cancelMessage(run)));
                }
                String step = RunSteps.firstUnfinished(project, run);
                if (step.equals(APPLY_REVIEW) && project.runs().decision(runId).isEmpty()) {
                    return expireIfOverdue(project, run);
                }
                if (step.equals(GENERATE) && project.queue().holdOf(runId) != QueueRepository.Hold.NONE) {
                    return generateStep.held(project, run);
                }
                run = runStep(project, run, step);
                if (run.status() == RunStatus.QUEUED && step.equals(GENERATE)) {
                    return run; // its batch was paused while it waited for a slot: held, not started
                }
            }
            return run;
        } catch (ProviderException e) {
            RunStatus end = e.kind() == ProviderException.Kind.CANCELLED ? RunStatus.CANCELLED : RunStatus.FAILED;
            String why = end == RunStatus.CANCELLED ? RunSteps.cancelMessage(run) : e.getMessage();
            return steps.finish(project, RunSteps.load(project, runId).failed(end, clock.instant(), why));
        } catch (InvalidInputException e) {
            String why = e.getMessage();
            return steps.finish(project, RunSteps.load(project, runId).failed(RunStatus.FAILED, clock.instant(),
                    why.isEmpty() ? why : Character.toUpperCase(why.charAt(0)) + why.substring(1)));
        } catch (RuntimeException e) {
            LOG.error("Run {} failed unexpectedly", runId, e);
            return steps.finish(project, RunSteps.load(project, runId).failed(RunStatus.FAILED, clock.instant(),
                    "Unexpected error: " + e.getMessage() + " (details in the log)"));
        } finally {
            cancelling.remove(runId);
        }
    }

    /** The places of the queued runs, which the provider slots and the {@link RunDriver} go by. */
    QueueOrder queueOrder() {
        return limits.order();
    }

    /** Gives {@code runIds} the place {@code place} in this process: the next free slots go by it. */
    void reorder(List<String> runIds, int place) {
        limits.order().put(runIds, place);
        limits.reorder();
    }

    /** Asks a run to stop. One waiting for review stops at once; one generating stops at its next check. */
    public Run cancel(Project project, String runId, String why) {
        Run run = RunSteps.load(project, runId);
        if (run.status().isTerminal()) {
            return run;
        }
        cancelling.add(runId);
        project.runs().requestCancel(runId);
        if (run.status() == RunStatus.AWAITING_REVIEW && project.runs().decision(runId).isEmpty()) {
            cancelling.remove(runId);
            return steps.finish(project, run.failed(RunStatus.CANCELLED, clock.instant(), why));
        }
        return RunSteps.load(project, runId);
    }

    /** A run whose review wait ran out ends, expired; the starting image is unchanged. */
    Run expireIfOverdue(Project project, Run run) {
        return steps.expireIfOverdue(project, run);
    }

    private Run runStep(Project project, Run run, String step) throws ProviderException {
        return switch (step) {
            case VALIDATE -> validateAndDetermineSettings(project, run);
            case SETTINGS -> determineSettings(project, run);
            case GENERATE -> generateStep.run(project, run);
            case PUBLISH_PREVIEW -> publishPreview(project, run);
            case APPLY_REVIEW -> applyReview(project, run, project.runs().decision(run.id()).orElseThrow());
            default -> markComplete(project, run);
        };
    }

    /**
     * Seed §5.2 (the lecture and the segment still exist) and §5.3 (determine settings). Both only read the
     * project, so one transaction records both steps: one durable commit instead of two.
     */
    private Run validateAndDetermineSettings(Project project, Run run) {
        Run resolved = project.transaction(() -> {
            steps.record(project, run, VALIDATE, Map.of("lectureId", run.lectureId(), "segmentId", run.segmentId()));
            return resolveSettings(project, run);
        });
        events.publish(new WorkflowEvent.StatusChanged(resolved));
        return resolved;
    }

    /** Seed §5.3 alone: a run whose validation was recorded by an earlier version of Lectern. */
    private Run determineSettings(Project project, Run run) {
        Run resolved = project.transaction(() -> resolveSettings(project, run));
        events.publish(new WorkflowEvent.StatusChanged(resolved));
        return resolved;
    }

    private Run resolveSettings(Project project, Run run) {
        VideoAsset segment = RunSteps.segment(project, run);
        GenerationSettings settings = settingsResolver.resolve(project.settings().load(), segment, run.requestedPrompt(),
                run.requestedModel(), run.requestedCandidates(), run.requestedSeed());
        Run next = run.withSettings(settings, clock.instant(), "Using " + settings.model() + " (" + settings.modelSource().description()
                + "), " + settings.width() + "×" + settings.height() + (settings.candidates() > 1 ? ", " + settings.candidates() + " images" : ""));
        return steps.record(project, next, SETTINGS, settings);
    }

    /**
     * The author's own image as the one candidate of a new run of model {@code file}, waiting for review: the run
     * and every step up to the wait in one commit, so a failure leaves no trace. From here it is reviewed like any other.
     */
    Run offerImage(Project project, Run requested, ImageContent image, String fileName) {
        Run waiting = project.transaction(() -> {
            project.runs().insert(requested);
            VideoAsset segment = RunSteps.segment(project, requested);
            Run run = steps.record(project, requested, VALIDATE, Map.of("lectureId", requested.lectureId(), "segmentId", requested.segmentId()));
            int w = image.info().width();
            int h = image.info().height();
            GenerationSettings settings = new GenerationSettings(ModelCatalog.FILE, GenerationSettings.ModelSource.FILE,
                    segment.segmentStartImagePrompt(), null, w, h, null, 1, null);
            run = steps.record(project, run.withSettings(settings, clock.instant(), "Using the image file " + fileName + ", " + w + "×" + h),
                    SETTINGS, settings);
            Candidate candidate = RunSteps.addCandidate(project, run, segment, 1, image, new ImageRepository.Provenance(ModelCatalog.FILE,
                    segment.segmentStartImagePrompt(), null, null, VersionSource.FILE));
            return steps.awaitReview(project, run.withCandidate(candidate, clock.instant(), "Image file received (" + w + "×" + h + ")"));
        });
        events.publish(new WorkflowEvent.StatusChanged(waiting));
        events.publish(new WorkflowEvent.PreviewReady(waiting));
        return waiting;
    }

    /**
     * The author threw one candidate away in the review; it is kept, marked, until pruned. Discarding the last one
     * left is rejecting the run. Returns the run as it is then.
     */
    Run discard(Project project, String runId, int index) {
        Run run = RunSteps.load(project, runId);
        Candidate candidate = run.candidate(index).orElseThrow(() -> new InvalidInputException(
                "run " + runId + " has no candidate " + index + (run.candidates().isEmpty() ? "" : "; it has 1 to " + run.candidates().size())));
        if (candidate.discarded()) {
            throw new InvalidInputException("candidate " + index + " of run " + runId + " was already discarded");
        }
        if (run.status() != RunStatus.AWAITING_REVIEW || project.runs().decision(runId).isPresent()) {
            throw new InvalidInputException("run " + runId + " is " + run.status().wireName() + ", not awaiting review; its candidates stay as they are");
        }
        boolean lastOne = run.liveCandidates().size() == 1;
        Run discarded = project.transaction(() -> {
            project.runs().discard(runId, index, clock.instant());
            Run next = RunSteps.load(project, runId).withStatus(RunStatus.AWAITING_REVIEW, clock.instant(), "Candidate " + index + " discarded");
            project.runs().update(next);
            if (lastOne) {
                project.runs().recordDecision(runId, ReviewOutcome.REJECTED, null);
            }
            return next;
        });
        events.publish(new WorkflowEvent.StatusChanged(discarded));
        return lastOne ? drive(project, runId) : discarded;
    }

    /** Seed §5.5–5.6 for a run whose image was stored by an earlier version of Lectern: the wait, then the news. */
    private Run publishPreview(Project project, Run run) {
        Instant now = clock.instant();
        Run waiting = steps.commit(project, run.awaitingReview(now, now.plus(reviewTimeout), READY_FOR_REVIEW), PUBLISH_PREVIEW, Map.of());
        events.publish(new WorkflowEvent.PreviewReady(waiting));
        return waiting;
    }

    /**
     * Seed §5.7–5.8: on accept, reload the lecture, point the segment at the chosen candidate (same image id) and
     * bump the revision, in the transaction that records the outcome and marks the run complete: a run is accepted
     * exactly when its segment points at its version. On reject nothing changes but the run. Only then does the
     * completion event, the one signal that the new metadata is saved, go out.
     */
    private Run applyReview(Project project, Run run, ReviewOutcome decision) {
        Instant now = clock.instant();
        Run done;
        if (decision == ReviewOutcome.REJECTED) {
            done = project.transaction(() -> complete(project, steps.record(project, run.reviewed(ReviewOutcome.REJECTED, null, now,
                    "Preview rejected; the starting image is unchanged"), APPLY_REVIEW, Map.of("outcome", "rejected"))));
        } else {
            int index = project.runs().decidedCandidate(run.id()).orElse(1);
            Candidate chosen = run.candidate(index).orElseThrow(() -> new IllegalStateException(
                    "run " + run.id() + " was accepted with candidate " + index + ", which it does not have"));
            done = project.transaction(() -> {
                VideoAsset segment = RunSteps.segment(project, run);
                GenerationSettings s = run.settings();
                project.lectures().commitSegment(run.lectureId(), segment.withStartingImage(chosen.imageKey(), chosen.version(), s.model(),
                        s.prompt() != null ? s.prompt() : segment.segmentStartImagePrompt()), now);
                String message = run.candidates().size() > 1 ? "Image " + index + " of " + run.candidates().size() + " accepted" : "Preview accepted";
                return complete(project, steps.record(project, run.reviewed(ReviewOutcome.ACCEPTED, chosen, now, message), APPLY_REVIEW,
                        Map.of("outcome", "accepted", "candidate", index)));
            });
        }
        events.publish(new WorkflowEvent.StatusChanged(done));
        events.publish(new WorkflowEvent.Completed(done));
        return done;
    }

    /** Seed §5.8 for a run whose review an earlier version of Lectern applied but did not mark complete. */
    private Run markComplete(Project project, Run run) {
        Run done = project.transaction(() -> complete(project, run));
        events.publish(new WorkflowEvent.Completed(done));
        return done;
    }

    /** Marks the run complete; the caller's transaction commits it and publishes. */
    private Run complete(Project project, Run run) {
        String message = run.reviewOutcome() == ReviewOutcome.ACCEPTED ? COMPLETE : "Regeneration finished; the preview was rejected";
        return steps.record(project, run.withStatus(RunStatus.SUCCEEDED, clock.instant(), message), FINISH, Map.of());
    }

    private boolean isCancelRequested(Project project, Run run) {
        return cancelling.contains(run.id()) || project.runs().cancelRequested(run.id());
    }
}
