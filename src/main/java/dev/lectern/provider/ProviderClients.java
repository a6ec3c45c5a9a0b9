package dev.lectern.provider;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Picks the client for a provider's wire format. All clients share one OkHttpClient (pool and threads), made
 * when the first client is: building it loads the platform's trusted certificates, which an offline start
 * should not pay for.
 */
public final class ProviderClients {
    private final Provider<OkHttpClient> http;
    private final SecretResolver secrets;
    private final CallTuning tuning;

    @Inject
    public ProviderClients(Provider<OkHttpClient> http, SecretResolver secrets, RateLimitListener rateLimits) {
        this(http, secrets, CallTuning.defaults().withRateLimits(rateLimits));
    }

    public ProviderClients(OkHttpClient http, SecretResolver secrets) {
        this(http, secrets, CallTuning.defaults());
    }

    public ProviderClients(OkHttpClient http, SecretResolver secrets, CallTuning tuning) {
        this(constant(Objects.requireNonNull(http)), secrets, tuning);
    }

    private ProviderClients(Provider<OkHttpClient> http, SecretResolver secrets, CallTuning tuning) {
        this.http = Objects.requireNonNull(http);
        this.secrets = Objects.requireNonNull(secrets);
        this.tuning = Objects.requireNonNull(tuning);
    }

    private static Provider<OkHttpClient> constant(OkHttpClient http) {
        return () -> http;
    }

    public ImageModelClient create(ProviderConfig config) {
        OkHttpClient http = this.http.get();
        return switch (config.type()) {
            case OPENAI -> new OpenAiImagesClient(config, http, secrets, tuning);
            case AUTOMATIC1111 -> new Automatic1111Client(config, http, secrets, tuning);
            case COMFYUI -> new ComfyUiClient(config, http, secrets, tuning);
        };
    }
}
