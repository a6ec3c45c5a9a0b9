package dev.lectern.provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * What the three HTTP clients share: the provider's config, its HttpCalls, and credentials. Auth headers are
 * added per request here (not by an interceptor) so they only ever go to the configured server.
 */
abstract class ServerClient implements ImageModelClient {
    protected final ProviderConfig config;
    protected final ProviderContext ctx;
    protected final HttpCalls calls;
    private final HttpUrl base;
    private final String authorization;
    private final String missingSecret;

    ServerClient(ProviderConfig config, OkHttpClient shared, SecretResolver secrets, CallTuning tuning,
                 String unreachableHint) {
        this.config = config;
        String key = secrets.resolve(config.apiKeyEnv());
        String password = secrets.resolve(config.basicAuthPasswordEnv());
        if (config.basicAuthUser() != null) {
            this.authorization = password == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                    (config.basicAuthUser() + ":" + password).getBytes(StandardCharsets.UTF_8));
            this.missingSecret = password == null ? config.basicAuthPasswordEnv() : null;
        } else {
            this.authorization = key == null ? null : "Bearer " + key;
            this.missingSecret = config.apiKeyEnv() != null && key == null ? config.apiKeyEnv() : null;
        }
        this.ctx = new ProviderContext(config, key != null ? key : password, unreachableHint);
        this.calls = new HttpCalls(HttpClientFactory.forProvider(shared, config.timeout()), ctx, tuning);
        this.base = HttpUrl.get(config.baseUrl());
    }

    /** {@code base + "/" + path}, where path is like "sdapi/v1/txt2img". */
    protected HttpUrl.Builder url(String path) {
        return base.newBuilder().addPathSegments(path);
    }

    /** A request to the configured server, with its credentials. */
    protected Request.Builder request(HttpUrl url) throws ProviderException {
        if (missingSecret != null) {
            throw ctx.missingSecret(missingSecret);
        }
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    protected Deadline deadline() {
        return Deadline.after(config.timeout());
    }

    protected static boolean stops(ProviderException e) {
        return e.kind() == ProviderException.Kind.CANCELLED || e.kind() == ProviderException.Kind.TIMEOUT;
    }
}
