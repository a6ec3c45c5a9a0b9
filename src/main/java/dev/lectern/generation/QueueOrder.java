package dev.lectern.generation;

import dev.lectern.storage.Project;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The places of this process's queued runs in memory, so that giving out a provider slot or picking a batch's next
 * run never reads the file. The file's {@code runs.priority} is the durable copy: read when runs are queued for
 * driving, written by "move to front". Higher goes first; runs of equal place go in the order they were queued.
 */
@Singleton
public final class QueueOrder {
    private final Map<String, Integer> places = new ConcurrentHashMap<>();
    /** Each waiting run's turn among runs of equal place: taken when a driver picks it, or when it first asks for a slot. */
    private final Map<String, Long> turns = new ConcurrentHashMap<>();
    private final AtomicLong nextTurn = new AtomicLong();

    public int place(String runId) {
        return places.getOrDefault(runId, 0);
    }

    /** Remembers the places the file gives its queued runs (a move to front made before a restart still counts). */
    void load(Project project) {
        places.putAll(project.queue().placesOfQueued());
    }

    /**
     * The run's turn among runs of equal place. The {@link RunDriver} takes it as it picks the run, in queued order,
     * so the slots go in that order too and not in the order the driver's threads happen to reach them.
     */
    long turn(String runId) {
        return turns.computeIfAbsent(runId, id -> nextTurn.getAndIncrement());
    }

    /** The run got its slot: a run that asks again (back in line after a 429) takes a new turn, at the back. */
    void served(String runId) {
        turns.remove(runId);
    }

    void put(List<String> runIds, int place) {
        runIds.forEach(id -> places.put(id, place));
    }
}
