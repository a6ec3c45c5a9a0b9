package dev.lectern.generation;

import dev.lectern.storage.Project;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The places of this process's queued runs in memory, so that giving out a provider slot or picking a batch's next
 * run never reads the file. The file's {@code runs.priority} is the durable copy: read when runs are queued for
 * driving, written by "move to front". Higher goes first; runs of equal place go in the order they were queued.
 */
@Singleton
public final class QueueOrder {
    private final Map<String, Integer> places = new ConcurrentHashMap<>();

    public int place(String runId) {
        return places.getOrDefault(runId, 0);
    }

    /** Remembers the places the file gives its queued runs (a move to front made before a restart still counts). */
    void load(Project project) {
        places.putAll(project.queue().placesOfQueued());
    }

    void put(List<String> runIds, int place) {
        runIds.forEach(id -> places.put(id, place));
    }
}
