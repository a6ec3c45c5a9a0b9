package dev.lectern.generation;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process event bus. Listeners are called on the publishing thread; the window wraps its listener so
 * it runs on the FX thread. A failing listener never breaks the workflow.
 */
@Singleton
public final class WorkflowEvents {
    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEvents.class);
    private final List<Consumer<WorkflowEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Returns what to run to unsubscribe. */
    public Runnable subscribe(Consumer<WorkflowEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(WorkflowEvent event) {
        for (Consumer<WorkflowEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A workflow listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
