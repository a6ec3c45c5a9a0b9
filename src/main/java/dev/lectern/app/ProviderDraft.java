package dev.lectern.app;

import java.util.List;

/**
 * A provider as a person typed it (command-line options or the providers form), before validation.
 * Null means "not given": the defaults of {@link dev.lectern.provider.ProviderConfig} apply.
 */
public record ProviderDraft(String id, String type, String url, String apiKeyEnv, List<String> models,
                            Long timeoutSeconds, Integer concurrency) {
    public ProviderDraft {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
