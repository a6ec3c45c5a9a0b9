package dev.lectern.generation;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VersionSource;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ProviderException;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.QueueRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Seed §5.4 for {@link RegenerateWorkflow}: a run waits for a slot of its provider in its place in the queue, asks
 * the model for its images, and stores each as it arrives; a pause holds it back unstarted, and a provider that is
 * still rate-limited after its call's retries holds its whole queue a while and puts the run back in line.
 */
final class GenerateStep {
    /** How often a run waiting for a slot looks for a cancel. */
    private static final Duration SLOT_CHECK = Duration.ofMillis(200);
    /** A run still rate-limited after its call's retries goes back in line this often before it fails. */
    static final int RATE_LIMIT_REQUEUES = 3;
    /** The provider's hold after such a run, times the number of times it happened to that run. */
    static final Duration RATE_LIMIT_BACKOFF = Duration.ofSeconds(5);

    private final ImageGenerator generator;
    private final ProviderLimits limits;
    private final RunSteps steps;
    private final WorkflowEvents events;
    private final Clock clock;
    /** Whether a cancel was asked for in this process: seen by a call in flight without a database read. */
    private final Predicate<String> cancelledHere;

    GenerateStep(ImageGenerator generator, ProviderLimits limits, RunSteps steps, WorkflowEvents events, Clock clock,
                 Predicate<String> cancelledHere) {
        this.generator = generator;
        this.limits = limits;
        this.steps = steps;
        this.events = events;
        this.clock = clock;
        this.cancelledHere = cancelledHere;
    }

    /**
     * Seed §5.4: each image is stored as a new version of the segment's image the moment it arrives (a candidate),
     * but not made current. A run asking for several asks the model again for the rest, with the next seeds, until
     * it has them all; one resumed after a crash asks only for those it has not received. The last candidate is
     * committed together with seed §5.5–5.6: the persisted wait for its review.
     */
    Run run(Project project, Run run) throws ProviderException {
        GenerationSettings settings = run.settings();
        int wanted = settings.candidates();
        ProviderSlots slots = limits.forModel(settings.model());
        run = acquire(project, run, slots); // with its "waiting" message, if it waited: save() appends only new messages
        boolean holding = true;
        try {
            if (project.queue().holdOf(run.id()) != QueueRepository.Hold.NONE) {
                return held(project, run);
            }
            int have = run.candidates().size();
            run = steps.save(project, run.withStatus(RunStatus.RUNNING, clock.instant(), have == 0
                    ? "Generating with " + settings.model() + (wanted > 1 ? " (" + wanted + " images)" : "")
                    : "Generating the other " + (wanted - have) + " of " + wanted + " images with " + settings.model()));
            String runId = run.id();
            long firstSeed = settings.seed() != null ? settings.seed() : seedOf(runId);
            int rateLimited = 0;
            while (run.candidates().size() < wanted) {
                int received = run.candidates().size();
                List<GeneratedImage> images;
                try {
                    images = generator.generate(settings, firstSeed + received, wanted - received,
                            project.info().projectId(), () -> cancelledHere.test(runId));
                } catch (ProviderException e) {
                    if (e.kind() != ProviderException.Kind.RATE_LIMITED || ++rateLimited > RATE_LIMIT_REQUEUES) {
                        throw e;
                    }
                    // Still limited after the call's own retries: the provider is held a while and the run goes back in
                    // line behind it, instead of failing while the provider is only busy.
                    slots.release();
                    holding = false;
                    slots.holdFor(RATE_LIMIT_BACKOFF.multipliedBy(rateLimited));
                    run = steps.save(project, run.withStatus(RunStatus.QUEUED, clock.instant(), ProviderWaits.backInLine(settings.model(), rateLimited)));
                    run = acquire(project, run, slots);
                    holding = true;
                    if (project.queue().holdOf(runId) != QueueRepository.Hold.NONE) {
                        return held(project, run);
                    }
                    run = steps.save(project, run.withStatus(RunStatus.RUNNING, clock.instant(), "Generating again with " + settings.model()));
                    continue;
                }
                for (GeneratedImage image : images.subList(0, Math.min(images.size(), wanted - received))) {
                    run = storeCandidate(project, run, image);
                }
                if (run.status() == RunStatus.AWAITING_REVIEW) {
                    return run;
                }
                if (isCancelRequested(project, run)) {
                    throw ProviderException.cancelled();
                }
            }
        } finally {
            if (holding) {
                slots.release();
            }
        }
        // Every candidate was stored, but not the step (a file written before candidates were counted): finish it.
        Run complete = run;
        Run waiting = project.transaction(() -> steps.awaitReview(project, complete));
        events.publish(new WorkflowEvent.StatusChanged(waiting));
        events.publish(new WorkflowEvent.PreviewReady(waiting));
        return waiting;
    }

    /** One received image: its version and candidate row in one commit; with the last one, the wait for review too. */
    private Run storeCandidate(Project project, Run run, GeneratedImage image) {
        GenerationSettings settings = run.settings();
        int index = run.candidates().size() + 1;
        boolean last = index == settings.candidates();
        Run waiting = project.transaction(() -> {
            Candidate candidate = RunSteps.addCandidate(project, run, RunSteps.segment(project, run), index, image.content(), new ImageRepository.Provenance(
                    settings.model(), settings.prompt(), settings.styledPrompt(), image.seed(), VersionSource.GENERATED));
            String size = candidate.width() + "×" + candidate.height();
            Run stored = run.withCandidate(candidate, clock.instant(), settings.candidates() == 1 ? "Image generated (" + size + ")"
                    : "Image " + index + " of " + settings.candidates() + " generated (" + size + ")");
            if (!last) {
                project.runs().update(stored);
                return stored;
            }
            // Seed §5.4–5.6 in one commit: the last image, and the persisted wait for its review. The wait is stored
            // before anyone is told the preview exists (the events below go out after the commit).
            return steps.awaitReview(project, stored);
        });
        events.publish(new WorkflowEvent.StatusChanged(waiting));
        if (last) {
            events.publish(new WorkflowEvent.PreviewReady(waiting));
        }
        return waiting;
    }

    /** Waits for a slot on the run's provider, in its place in the queue; returns the run as saved meanwhile. */
    private Run acquire(Project project, Run run, ProviderSlots slots) throws ProviderException {
        ProviderSlots.Ticket ticket = slots.enqueue(run.id());
        boolean got = false;
        boolean announced = false;
        try {
            while (!slots.await(ticket, SLOT_CHECK)) {
                if (isCancelRequested(project, run)) {
                    throw ProviderException.cancelled();
                }
                if (!announced) {
                    run = steps.save(project, run.withStatus(RunStatus.QUEUED, clock.instant(), ProviderWaits.waiting(run.settings().model(), slots.heldFor())));
                    announced = true;
                }
            }
            got = true;
            return run;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.CANCELLED, 0, false, null, "Cancelled", e);
        } finally {
            if (!got) {
                slots.leave(ticket);
            }
        }
    }

    /** A run held by a pause (or its batch's cancel) stays queued, unstarted: the resume drives it again. */
    Run held(Project project, Run run) {
        String why = project.queue().paused() ? RegenerateWorkflow.QUEUE_HELD : RegenerateWorkflow.HELD;
        return run.status() == RunStatus.QUEUED && run.messages().get(run.messages().size() - 1).text().equals(why) ? run
                : steps.save(project, run.withStatus(RunStatus.QUEUED, clock.instant(), why));
    }


    /** A stable seed per run, so a resumed or retried run asks for the same picture. */
    static long seedOf(String runId) {
        return Integer.toUnsignedLong(runId.hashCode()) % 2_147_483_647L;
    }

    private boolean isCancelRequested(Project project, Run run) {
        return cancelledHere.test(run.id()) || project.runs().cancelRequested(run.id());
    }
}
