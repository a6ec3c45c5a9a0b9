package dev.lectern.generation;

import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.RateLimitListener;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code concurrency} generations per provider at once, across all runs in this process; a local GPU
 * server asked for four images at once only gets slower for each of them. Slots go by the runs' places in the
 * queue, and a provider that answered 429 gets no new call until its Retry-After has passed.
 */
@Singleton
public final class ProviderLimits implements RateLimitListener {
    /** The title card draws on this computer's CPU: at most half of it, so the window stays responsive. */
    static final int TITLE_CARD_CONCURRENCY = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    private static final Logger LOG = LoggerFactory.getLogger(ProviderLimits.class);
    private final ModelCatalog catalog;
    private final QueueOrder order;
    private final Map<String, ProviderSlots> slots = new ConcurrentHashMap<>();

    @Inject
    public ProviderLimits(ModelCatalog catalog, QueueOrder order) {
        this.catalog = catalog;
        this.order = order;
    }

    public ProviderLimits(ModelCatalog catalog) {
        this(catalog, new QueueOrder());
    }

    ProviderSlots forModel(String model) {
        return slotsOf(ModelRef.parse(model).providerId());
    }

    private ProviderSlots slotsOf(String providerId) {
        return slots.computeIfAbsent(providerId, id -> new ProviderSlots(ModelRef.TITLE_CARD.equals(id) ? TITLE_CARD_CONCURRENCY
                : catalog.provider(id).map(ProviderConfig::concurrency).orElse(1), order));
    }

    QueueOrder order() {
        return order;
    }

    /** Places changed: every provider's next free slot goes by the new order. */
    void reorder() {
        slots.values().forEach(ProviderSlots::reorder);
    }

    @Override
    public void slowDown(String providerId, Duration wait) {
        LOG.info("{} asked to slow down: no new call to it for {} ms", providerId, wait.toMillis());
        slotsOf(providerId).holdFor(wait);
    }
}
