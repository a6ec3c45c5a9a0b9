package dev.lectern.generation;

import java.time.Duration;

/** What a run waiting on its provider says, in the runs panel and in 'lectern runs'. */
final class ProviderWaits {
    private ProviderWaits() {
    }

    static String waiting(String model, Duration held) {
        return held.isZero() ? "Waiting for a free slot on " + model
                : "Waiting: " + provider(model) + " asked to slow down (HTTP 429); its next call in " + seconds(held);
    }

    static String backInLine(String model, int times) {
        return provider(model) + " is still limiting the request rate; back in the queue (" + times + " of "
                + GenerateStep.RATE_LIMIT_REQUEUES + ") rather than failing";
    }

    private static String provider(String model) {
        int slash = model.indexOf('/');
        return slash < 0 ? model : model.substring(0, slash);
    }

    private static String seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000) + " s";
    }
}
