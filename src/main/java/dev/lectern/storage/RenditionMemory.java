package dev.lectern.storage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Least-recently-used renditions, bounded by the total size of their PNG bytes. Thread-safe. */
final class RenditionMemory {
    private final long budgetBytes;
    private final LinkedHashMap<RenditionKey, Rendition> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    RenditionMemory(long budgetBytes) {
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("memory budget must not be negative, got " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    synchronized Rendition get(RenditionKey key) {
        return entries.get(key);
    }

    /** Keeps {@code rendition} unless it alone exceeds the budget; evicts the least recently used to make room. */
    synchronized void put(RenditionKey key, Rendition rendition) {
        if (rendition.byteSize() > budgetBytes) {
            return;
        }
        Rendition old = entries.put(key, rendition);
        if (old != null) {
            bytes -= old.byteSize();
        }
        bytes += rendition.byteSize();
        Iterator<Map.Entry<RenditionKey, Rendition>> eldestFirst = entries.entrySet().iterator();
        while (bytes > budgetBytes && eldestFirst.hasNext()) {
            bytes -= eldestFirst.next().getValue().byteSize();
            eldestFirst.remove();
        }
    }

    synchronized void removeIf(Predicate<RenditionKey> which) {
        Iterator<Map.Entry<RenditionKey, Rendition>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<RenditionKey, Rendition> e = it.next();
            if (which.test(e.getKey())) {
                bytes -= e.getValue().byteSize();
                it.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }
}
