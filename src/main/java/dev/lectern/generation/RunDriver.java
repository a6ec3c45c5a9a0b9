package dev.lectern.generation;

import dev.lectern.storage.Project;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives many queued runs at once. The provider limits decide how many calls are out; this decides which run is
 * driven next whenever a thread is free: the one with the highest place in the queue, then the one queued first.
 * So a run moved to the front of a 1,000-run batch starts with the next free slot, not after the 999 before it.
 */
final class RunDriver {
    /** Threads that wait on the provider limits; more would only queue longer on the same slots. */
    static final int MAX_THREADS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(RunDriver.class);

    private final RegenerateWorkflow workflow;
    private final QueueOrder order;

    RunDriver(RegenerateWorkflow workflow, QueueOrder order) {
        this.workflow = workflow;
        this.order = order;
    }

    /** Blocks until each run waits for review, has ended, or is held by a pause. {@code runIds} in queued order. */
    void driveAll(Project project, List<String> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        order.load(project);
        List<String> pending = new ArrayList<>(runIds);
        List<Thread> threads = new ArrayList<>();
        int threadCount = Math.min(pending.size(), MAX_THREADS); // before any thread takes from it
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(() -> {
                for (String runId = take(pending); runId != null; runId = take(pending)) {
                    try {
                        workflow.drive(project, runId);
                    } catch (RuntimeException e) {
                        LOG.error("Run {} could not be driven", runId, e); // the run keeps its state in the file
                    }
                }
            }, "lectern-queue-" + (i + 1));
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        }
    }

    /** The next run to drive, taken off {@code pending}; null when none is left. */
    private String take(List<String> pending) {
        synchronized (pending) {
            int best = -1;
            int bestPlace = Integer.MIN_VALUE;
            for (int i = 0; i < pending.size(); i++) {
                int place = order.place(pending.get(i));
                if (place > bestPlace) { // strictly: among equals, the first queued
                    best = i;
                    bestPlace = place;
                }
            }
            if (best < 0) {
                return null;
            }
            String runId = pending.remove(best);
            order.turn(runId); // its slot comes in this order, whichever thread gets to the provider first
            return runId;
        }
    }
}
