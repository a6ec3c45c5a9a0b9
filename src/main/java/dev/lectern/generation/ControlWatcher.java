package dev.lectern.generation;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Run;
import dev.lectern.storage.ControlRequestRepository.Request;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holder's side of control requests (decision 0020): while a process holds a project for writing, a daemon
 * thread looks for requests other processes left in the file every {@link #POLL} and applies them through the same
 * services the holder's own commands use — a cancel reaches a provider call in flight (the workflow's cancel check
 * runs every 50 ms), a pause holds the queue. Each request is answered with its outcome, which the requester
 * prints. Pending requests are applied when watching starts, so one left while nobody held the project still counts.
 */
public final class ControlWatcher {
    /** Often enough that a cancel reaches a call in flight well within a second; a poll is one indexed read. */
    public static final Duration POLL = Duration.ofMillis(200);
    public static final String CANCEL = "cancel";
    public static final String PAUSE = "pause";
    public static final String RESUME = "resume";
    public static final String PAUSE_QUEUE = "pause-queue";
    public static final String RESUME_QUEUE = "resume-queue";
    public static final String MOVE_TO_FRONT = "move-to-front";
    /** The target of a request about the whole queue. */
    public static final String QUEUE = "queue";
    private static final Logger LOG = LoggerFactory.getLogger(ControlWatcher.class);

    private final RunService runs;
    private final BatchService batches;
    private final QueueService queue;
    private final Clock clock;

    @Inject
    public ControlWatcher(RunService runs, BatchService batches, QueueService queue, Clock clock) {
        this.runs = runs;
        this.batches = batches;
        this.queue = queue;
        this.clock = clock;
    }

    /** Starts watching {@code project} (held for writing by this process); close to stop. */
    public AutoCloseable watch(Project project) {
        if (project.info().readOnly()) {
            return () -> { };
        }
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    applyPending(project);
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a closed project ends the watch; anything else is logged and the watch goes on
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    LOG.warn("Control requests of {} could not be read: {}", project.info().file().getFileName(), e.getMessage());
                }
            }
        }, "lectern-control");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return () -> {
            thread.interrupt();
            thread.join(2_000);
        };
    }

    /** Applies every pending request, oldest first; returns how many. */
    public int applyPending(Project project) {
        List<Request> pending = project.controlRequests().pending();
        for (Request r : pending) {
            String outcome;
            try {
                outcome = apply(project, r);
            } catch (InvalidInputException e) {
                outcome = "refused: " + e.getMessage();
            }
            project.controlRequests().applied(r.id(), outcome, clock.instant());
            LOG.info("Control request {} {} {} from {}: {}", r.id(), r.kind(), r.target(), r.requestedBy(), outcome);
        }
        return pending.size();
    }

    private String apply(Project project, Request r) {
        boolean batch = project.batches().find(r.target()).isPresent();
        String by = "by process " + ProcessHandle.current().pid();
        switch (r.kind()) {
            case CANCEL -> {
                if (batch) {
                    batches.cancel(project, r.target());
                    return "batch " + r.target() + " cancelled " + by + ": its queued runs stop, previews made wait for review";
                }
                return "run " + r.target() + " " + settled(project, runs.cancel(project, r.target())).status().wireName() + " " + by;
            }
            case PAUSE -> {
                batches.pause(project, requireBatch(batch, r));
                return "batch " + r.target() + " paused " + by + ": no new call starts, a running one finishes";
            }
            case RESUME -> {
                batches.resume(project, requireBatch(batch, r));
                inBackground(() -> batches.drive(project, r.target()));
                return "batch " + r.target() + " resumed " + by;
            }
            case PAUSE_QUEUE -> {
                queue.pause(project);
                return "queue paused " + by + ": no new call starts, a running one finishes";
            }
            case RESUME_QUEUE -> {
                queue.resume(project);
                inBackground(() -> queue.driveQueued(project));
                return "queue resumed " + by;
            }
            case MOVE_TO_FRONT -> {
                return movedText(r.target(), queue.moveToFront(project, r.target())) + " " + by;
            }
            default -> {
                LOG.warn("Ignored control request {} of unknown kind '{}' (from a newer Lectern?)", r.id(), r.kind());
                return "ignored: this Lectern does not know the request '" + r.kind() + "'";
            }
        }
    }

    /** What "move to front" answers, here and in the command that asked. */
    public static String movedText(String id, List<String> moved) {
        return moved.size() == 1 && moved.get(0).equals(id) ? "run " + id + " moved to the front of the queue"
                : "batch " + id + ": " + moved.size() + " queued run" + (moved.size() == 1 ? "" : "s") + " moved to the front of the queue";
    }

    /** Drives runs after a resume without holding up the watch (driving blocks until they are done). */
    private static void inBackground(Runnable drive) {
        Thread driver = new Thread(drive, "lectern-resume");
        driver.setDaemon(true);
        driver.start();
    }

    /** A run asked to stop ends at its next check (a call in flight within 50 ms): wait a little for it, to say so. */
    private Run settled(Project project, Run run) {
        long until = System.nanoTime() + SETTLE.toNanos();
        while (!run.status().isTerminal() && System.nanoTime() < until) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            run = runs.find(project, run.id());
        }
        return run;
    }

    private static final Duration SETTLE = Duration.ofMillis(800);

    private static String requireBatch(boolean batch, Request r) {
        if (!batch) {
            throw new InvalidInputException("there is no batch " + r.target() + "; 'lectern batches' lists them");
        }
        return r.target();
    }
}
