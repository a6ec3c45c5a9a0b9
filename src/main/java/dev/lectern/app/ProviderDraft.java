package dev.lectern.app;

import java.util.List;

/**
 * A provider as a person typed it (command-line options or the providers form), before validation.
 * Null means "not given": the defaults of {@link dev.lectern.provider.ProviderConfig} apply.
 */
public record ProviderDraft(String id, String type, String url, String apiKeyEnv, List<String> models,
                            Long timeoutSeconds, Integer concurrency, boolean apiKeyKeychain, String basicAuthEnv) {
    public ProviderDraft {
        models = models == null ? List.of() : List.copyOf(models);
        basicAuthEnv = basicAuthEnv == null || basicAuthEnv.isBlank() ? null : basicAuthEnv.strip();
    }

    /** A draft whose key, if any, is in an environment variable, without HTTP Basic. */
    public ProviderDraft(String id, String type, String url, String apiKeyEnv, List<String> models, Long timeoutSeconds,
                         Integer concurrency) {
        this(id, type, url, apiKeyEnv, models, timeoutSeconds, concurrency, false, null);
    }
}
