package dev.lectern.provider;

import jakarta.inject.Inject;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Picks the client for a provider's wire format. All clients share one OkHttpClient (pool and threads). */
public final class ProviderClients {
    private final OkHttpClient http;
    private final SecretResolver secrets;
    private final CallTuning tuning;

    @Inject
    public ProviderClients(OkHttpClient http, SecretResolver secrets) {
        this(http, secrets, CallTuning.defaults());
    }

    public ProviderClients(OkHttpClient http, SecretResolver secrets, CallTuning tuning) {
        this.http = Objects.requireNonNull(http);
        this.secrets = Objects.requireNonNull(secrets);
        this.tuning = Objects.requireNonNull(tuning);
    }

    public ImageModelClient create(ProviderConfig config) {
        return switch (config.type()) {
            case OPENAI -> new OpenAiImagesClient(config, http, secrets, tuning);
            case AUTOMATIC1111 -> new Automatic1111Client(config, http, secrets, tuning);
            case COMFYUI -> new ComfyUiClient(config, http, secrets, tuning);
        };
    }
}
