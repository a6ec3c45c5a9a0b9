package dev.lectern.provider;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One configured image server. Holds the NAME of the environment variable with the key, or that the key is in
 * the OS keychain, never the key, so the config file can be shared or shown. Plain http is allowed only to this
 * machine: a key or a prompt must not cross a network unencrypted.
 *
 * @param timeout        the whole call: every attempt, retry wait and poll (default 10 minutes)
 * @param concurrency    how many generations may run at once against this server (default 1 local, 4 OpenAI)
 * @param apiKeyKeychain the key is the provider's entry in the OS keychain (decision 0025), not a variable
 * @param basicAuthEnv   HTTP Basic credentials as {@code user:password} in this variable (AUTOMATIC1111's
 *                       {@code --api-auth}); the other form is {@code basicAuthUser} + {@code basicAuthPasswordEnv}
 */
public record ProviderConfig(String id, Type type, String baseUrl, String apiKeyEnv, List<String> models,
                             Duration timeout, int concurrency, String basicAuthUser, String basicAuthPasswordEnv,
                             boolean apiKeyKeychain, String basicAuthEnv) {

    public enum Type { OPENAI, AUTOMATIC1111, COMFYUI }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    public static final int MAX_MODEL_NAME = 200;
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public ProviderConfig {
        Ids.requireValid("provider id", id);
        if (type == null) {
            throw new InvalidInputException("provider '" + id + "' has no type; use openai, automatic1111 or comfyui");
        }
        baseUrl = normaliseBaseUrl(id, baseUrl);
        apiKeyEnv = envName(id, "apiKeyEnv", apiKeyEnv);
        models = models == null ? List.of() : List.copyOf(models);
        models.forEach(m -> requireModelName("provider '" + id + "'", m));
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofHours(2)) > 0) {
            throw new InvalidInputException("provider '" + id + "': timeout must be between 1 second and 2 hours");
        }
        if (concurrency <= 0) {
            concurrency = type == Type.OPENAI ? 4 : 1;
        }
        if (concurrency > 64) {
            throw new InvalidInputException("provider '" + id + "': concurrency must be at most 64");
        }
        basicAuthUser = basicAuthUser == null || basicAuthUser.isBlank() ? null : basicAuthUser;
        basicAuthPasswordEnv = envName(id, "basicAuthPasswordEnv", basicAuthPasswordEnv);
        if ((basicAuthUser == null) != (basicAuthPasswordEnv == null)) {
            throw new InvalidInputException("provider '" + id
                    + "': HTTP Basic needs both basicAuthUser and basicAuthPasswordEnv, or neither");
        }
        if (basicAuthUser != null && basicAuthUser.contains(":")) {
            throw new InvalidInputException("provider '" + id + "': basicAuthUser must not contain ':'");
        }
        basicAuthEnv = envName(id, "basicAuthEnv", basicAuthEnv);
        if (basicAuthEnv != null && basicAuthUser != null) {
            throw new InvalidInputException("provider '" + id + "': give HTTP Basic as basicAuthEnv (user:password) or as "
                    + "basicAuthUser + basicAuthPasswordEnv, not both");
        }
        if (apiKeyKeychain && apiKeyEnv != null) {
            throw new InvalidInputException("provider '" + id + "': the key is either in the OS keychain or in the variable "
                    + apiKeyEnv + ", not both");
        }
    }

    public ProviderConfig(String id, Type type, String baseUrl, String apiKeyEnv, List<String> models,
                          Duration timeout, int concurrency, String basicAuthUser, String basicAuthPasswordEnv) {
        this(id, type, baseUrl, apiKeyEnv, models, timeout, concurrency, basicAuthUser, basicAuthPasswordEnv, false, null);
    }

    /** A provider with the default timeout and concurrency and no HTTP Basic auth. */
    public static ProviderConfig of(String id, Type type, String baseUrl, String apiKeyEnv, List<String> models) {
        return new ProviderConfig(id, type, baseUrl, apiKeyEnv, models, null, 0, null, null);
    }

    public ProviderConfig withTimeout(Duration newTimeout) {
        return new ProviderConfig(id, type, baseUrl, apiKeyEnv, models, newTimeout, concurrency, basicAuthUser,
                basicAuthPasswordEnv, apiKeyKeychain, basicAuthEnv);
    }

    public ProviderConfig withBasicAuth(String user, String passwordEnv) {
        return new ProviderConfig(id, type, baseUrl, apiKeyEnv, models, timeout, concurrency, user, passwordEnv,
                apiKeyKeychain, basicAuthEnv);
    }

    /** Whether any HTTP Basic credentials are configured, in either form. */
    public boolean usesBasicAuth() {
        return basicAuthUser != null || basicAuthEnv != null;
    }

    /** A model name as a server would take it: non-blank, at most 200 printable characters. */
    static String requireModelName(String where, String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidInputException(where + ": a model name is empty");
        }
        if (model.length() > MAX_MODEL_NAME) {
            throw new InvalidInputException(where + ": model name is longer than " + MAX_MODEL_NAME + " characters");
        }
        for (int i = 0; i < model.length(); i++) {
            char c = model.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate(c)) {
                throw new InvalidInputException(where + ": model name contains an unprintable character");
            }
        }
        return model;
    }

    private static String envName(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ENV_NAME.matcher(value).matches()) {
            throw new InvalidInputException("provider '" + id + "': " + field
                    + " must be the NAME of an environment variable (like OPENAI_API_KEY), not the key itself");
        }
        return value;
    }

    private static String normaliseBaseUrl(String id, String raw) {
        String where = "provider '" + id + "': ";
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(where + "baseUrl is missing");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(where + "baseUrl '" + raw + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!scheme.equals("http") && !scheme.equals("https") || host == null) {
            throw new InvalidInputException(where + "baseUrl must look like https://host[:port][/path], got '" + raw + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(where
                    + "baseUrl must not contain a user or password; use basicAuthUser and basicAuthPasswordEnv");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(where + "baseUrl must not have a query or fragment");
        }
        if (scheme.equals("http") && !isLoopback(host)) {
            throw new InvalidInputException(where + "plain http is only allowed to this computer (localhost, 127.0.0.1, ::1); "
                    + "use https://" + host + " for a server elsewhere, so that keys and prompts are encrypted");
        }
        String url = uri.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    /** By name only, never by DNS: "localhost", 127.0.0.0/8 and ::1. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        if (IPV4_LOOPBACK.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
