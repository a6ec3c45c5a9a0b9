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
        String secret;
        String missing = null;
        if (config.basicAuthUser() != null || config.basicAuthEnv() != null) {
            // user + password variable, or one variable holding user:password (AUTOMATIC1111's --api-auth)
            String env = config.basicAuthUser() != null ? config.basicAuthPasswordEnv() : config.basicAuthEnv();
            secret = secrets.resolve(env);
            String pair = secret == null ? null : config.basicAuthUser() != null ? config.basicAuthUser() + ":" + secret : secret;
            if (secret == null) {
                missing = ProviderContext.variableNotSet(env, config.id());
            } else if (config.basicAuthUser() == null && !secret.contains(":")) {
                missing = "The variable " + env + " must hold user:password for " + config.id() + "'s HTTP Basic login.";
                pair = null;
            }
            this.authorization = pair == null ? null : "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        } else if (config.apiKeyKeychain()) {
            String key;
            try {
                key = secrets.keychainKey(config.id());
                missing = key == null ? "The OS keychain holds no key for " + config.id() + "; store it with 'lectern providers add "
                        + config.id() + " ... --api-key-keychain --replace' or in Project ▸ Image Servers." : null;
            } catch (KeychainException e) {
                key = null;
                missing = "The key of " + config.id() + " is kept in the OS keychain, but " + e.getMessage() + ".";
            }
            secret = key;
            this.authorization = key == null ? null : "Bearer " + key;
        } else {
            secret = secrets.resolve(config.apiKeyEnv());
            missing = config.apiKeyEnv() != null && secret == null ? ProviderContext.variableNotSet(config.apiKeyEnv(), config.id()) : null;
            this.authorization = secret == null ? null : "Bearer " + secret;
        }
        this.missingSecret = missing;
        this.ctx = new ProviderContext(config, secret, unreachableHint);
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
