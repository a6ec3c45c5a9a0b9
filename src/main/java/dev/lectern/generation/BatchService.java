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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whole-lecture regenerations (issue 17) on the one workflow: a batch is a group of ordinary runs, so each has its
 * steps, its durable candidates and its review as a single regenerate does. The provider limits of the workflow
 * decide how many calls run at once; a paused or cancelled batch starts no new call (a running one finishes).
 */
public final class BatchService {
    private static final Logger LOG = LoggerFactory.getLogger(BatchService.class);
    /** Threads that wait on the provider limits; more only queue longer on the same permits. */
    static final int MAX_THREADS = 16;

    private final RunService runs;
    private final Clock clock;
    private final SegmentSelection selection;

    @Inject
    public BatchService(RunService runs, Clock clock, SegmentSelection selection) {
        this.runs = runs;
        this.clock = clock;
        this.selection = selection;
    }

    /**
     * Queues a run for each named segment of the lecture (all of them when {@code segmentIds} is empty), with the
     * settings each resolves to (seed §5.3) unless {@code model} says otherwise, in one transaction with the batch.
     */
    public Batch start(Project project, String lectureId, List<String> segmentIds, String model, Integer candidates) {
        return start(project, lectureId, SegmentFilter.only(segmentIds), model, candidates);
    }

    /** As above, for the segments the filter picks ({@link SegmentSelection}); one matching none starts nothing. */
    public Batch start(Project project, String lectureId, SegmentFilter filter, String model, Integer candidates) {
        List<String> chosen = choose(project, lectureId, filter);
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

    /**
     * Drives the batch's queued runs until each waits for review, ends, or is held by a pause. Blocks; at most
     * the providers' concurrency calls are in flight at once.
     */
    public Batch drive(Project project, String batchId) {
        find(project, batchId);
        List<String> queued = project.batches().runIds(batchId, RunStatus.QUEUED);
        if (!queued.isEmpty()) {
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(queued.size(), MAX_THREADS), r -> {
                Thread t = new Thread(r, "lectern-batch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            for (String runId : queued) {
                pool.execute(() -> {
                    try {
                        runs.drive(project, runId);
                    } catch (RuntimeException e) {
                        LOG.error("Run {} of batch {} could not be driven", runId, batchId, e); // the run keeps its state
                    }
                });
            }
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // waiting: the runs end by themselves (a cancel or pause makes them end sooner)
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
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
        return find(project, batchId);
    }

    /** Lets the batch's queued runs start again; {@link #drive} drives them. */
    public Batch resume(Project project, String batchId) {
        Batch batch = find(project, batchId);
        if (batch.cancelled()) {
            throw new InvalidInputException("batch " + batchId + " was cancelled; start a new one");
        }
        project.batches().setPaused(batchId, false);
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

    /** The segments {@link #start} would regenerate for the filter, so that the author can be told how many first. */
    public List<String> choose(Project project, String lectureId, SegmentFilter filter) {
        return selection.select(project, lecture(project, lectureId), filter);
    }

    /** The models that made the lecture's current images: what a "made by" filter can name. */
    public List<String> modelsIn(Project project, String lectureId) {
        return selection.modelsIn(project, lecture(project, lectureId));
    }

    private Lecture lecture(Project project, String lectureId) {
        return project.lectures().load(lectureId).orElseThrow(() -> new InvalidInputException("there is no lecture "
                + lectureId + " in " + project.info().file().getFileName() + "; 'lectern segments' lists them"));
    }
}
