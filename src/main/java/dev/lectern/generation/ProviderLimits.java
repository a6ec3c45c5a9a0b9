package dev.lectern.generation;

import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code concurrency} generations per provider at once, across all runs in this process; a local GPU
 * server asked for four images at once only gets slower for each of them.
 */
@Singleton
public final class ProviderLimits {
    /** The title card draws on this computer's CPU: at most half of it, so the window stays responsive. */
    static final int TITLE_CARD_CONCURRENCY = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private final ModelCatalog catalog;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    @Inject
    public ProviderLimits(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public Semaphore forModel(String model) {
        ModelRef ref = ModelRef.parse(model);
        int limit = ref.isTitleCard() ? TITLE_CARD_CONCURRENCY
                : catalog.provider(ref).map(ProviderConfig::concurrency).orElse(1);
        return permits.computeIfAbsent(ref.providerId(), id -> new Semaphore(limit, true));
    }
}
