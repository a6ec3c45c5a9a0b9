package dev.lectern.app;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.CallTuning;
import dev.lectern.provider.ImageModelClient;
import dev.lectern.provider.Keychain;
import dev.lectern.provider.KeychainException;
import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProviderException;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.RetryPolicy;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.Sleeper;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adding, listing, testing and removing image servers: the rules behind {@code lectern providers} and the
 * providers dialog, written once. Every method may touch the disk or the network; call it off the FX thread.
 */
public final class ProviderAdmin {
    public static final int MAX_CONCURRENCY = 16;
    private static final Logger LOG = LoggerFactory.getLogger(ProviderAdmin.class);
    /** A test is one attempt and at most this long: the answer is about the server now. */
    public static final Duration TEST_LIMIT = Duration.ofSeconds(30);
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final CallTuning ONE_ATTEMPT = new CallTuning(new RetryPolicy(Duration.ZERO, Duration.ZERO, 0),
            Sleeper.SYSTEM, new Random(), Clock.systemUTC(), Duration.ofMillis(250));

    private final ProvidersConfigStore store;
    private final Provider<OkHttpClient> http; // made on first test: see ProviderClients
    private final SecretResolver secrets;
    private final Keychain keychain;

    @Inject
    public ProviderAdmin(ProvidersConfigStore store, Provider<OkHttpClient> http, SecretResolver secrets, Keychain keychain) {
        this.store = store;
        this.http = http;
        this.secrets = secrets;
        this.keychain = keychain;
    }

    public ProvidersConfigStore store() {
        return store;
    }

    public List<ProviderConfig> list() {
        return store.list();
    }

    /** The provider with this id, or a message that says where the list is. */
    public ProviderConfig find(String id) {
        Ids.requireValid("provider id", id);
        return store.get(id).orElseThrow(() -> new InvalidInputException("there is no provider '" + id
                + "' in " + store.file() + " (see 'lectern providers list')"));
    }

    /**
     * Every rule of {@code lectern providers add}, without writing anything: a refused add leaves the file as
     * it was. Throws {@link InvalidInputException} with a message that names the field in {@code wording}.
     */
    public ProviderConfig validate(ProviderDraft draft, boolean replace, ProviderWording wording) {
        Ids.requireValid("provider id", draft.id());
        if (draft.id().equals(ModelRef.TITLE_CARD)) {
            throw new InvalidInputException("'" + ModelRef.TITLE_CARD + "' is the built-in offline generator; pick another id");
        }
        ProviderConfig.Type type = parseType(draft.type(), wording);
        requireVariableName(draft.apiKeyEnv(), wording.apiKeyEnv());
        requireVariableName(draft.basicAuthEnv(), wording.basicAuthEnv());
        if (draft.apiKeyKeychain() && draft.apiKeyEnv() != null) {
            throw new InvalidInputException("the key is either in the OS keychain or in an environment variable: give "
                    + wording.apiKeyEnv() + " or the keychain, not both");
        }
        Long timeout = draft.timeoutSeconds();
        if (timeout != null && timeout <= 0) {
            throw new InvalidInputException(wording.timeout() + " must be a positive number of seconds");
        }
        Integer concurrency = draft.concurrency();
        if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
            throw new InvalidInputException(wording.concurrency() + " must be between 1 and " + MAX_CONCURRENCY
                    + ", got " + concurrency);
        }
        ProviderConfig config = new ProviderConfig(draft.id(), type, draft.url(), draft.apiKeyEnv(), draft.models(),
                timeout == null ? null : Duration.ofSeconds(timeout), concurrency == null ? 0 : concurrency, null, null,
                draft.apiKeyKeychain(), draft.basicAuthEnv());
        if (!replace && store.get(draft.id()).isPresent()) {
            throw new InvalidInputException("a provider '" + draft.id() + "' already exists; remove it first"
                    + wording.replaceHint());
        }
        return config;
    }

    /** Validates, then writes providers.json atomically. */
    public ProviderConfig add(ProviderDraft draft, boolean replace, ProviderWording wording) {
        return add(draft, null, replace, wording);
    }

    /**
     * As above, with the key to keep in the OS keychain when the draft asks for it: stored first, so a keychain that
     * refuses leaves providers.json as it was. A provider that had its key there and now has none drops the entry.
     */
    public ProviderConfig add(ProviderDraft draft, String keychainKey, boolean replace, ProviderWording wording) {
        ProviderConfig config = validate(draft, replace, wording);
        if (config.apiKeyKeychain()) {
            if (keychainKey == null || keychainKey.isBlank()) {
                throw new InvalidInputException("no key was given for " + config.id() + " to keep in the OS keychain");
            }
            keychain.store(config.id(), keychainKey.strip());
        }
        boolean hadKeychainEntry = store.get(config.id()).map(ProviderConfig::apiKeyKeychain).orElse(false);
        store.add(config, replace);
        if (hadKeychainEntry && !config.apiKeyKeychain()) {
            forgetKey(config.id());
        }
        return config;
    }

    /** Removes a provider, and its key from the OS keychain if it kept one there; an unknown id is an error. */
    public void remove(String id) {
        boolean inKeychain = find(id).apiKeyKeychain();
        store.remove(id);
        if (inKeychain) {
            forgetKey(id);
        }
    }

    /** The provider is gone or keeps its key elsewhere now: its keychain entry goes, or the log says why not. */
    private void forgetKey(String id) {
        try {
            keychain.delete(id);
        } catch (KeychainException e) {
            LOG.warn("The OS keychain entry of {} was left: {}", id, e.getMessage());
        }
    }

    /** The variable the secret is read from and whether it is set; empty when the provider needs none. */
    public Optional<KeySource> keySource(ProviderConfig c) {
        if (c.basicAuthUser() != null) {
            return Optional.of(KeySource.variable(c.basicAuthPasswordEnv(), secrets.resolve(c.basicAuthPasswordEnv()) != null,
                    c.basicAuthUser()));
        }
        if (c.basicAuthEnv() != null) {
            return Optional.of(KeySource.variable(c.basicAuthEnv(), secrets.resolve(c.basicAuthEnv()) != null, ""));
        }
        if (c.apiKeyKeychain()) {
            try {
                return Optional.of(KeySource.keychain(keychain.read(c.id()).isPresent(), null));
            } catch (KeychainException e) {
                return Optional.of(KeySource.keychain(false, e.getMessage()));
            }
        }
        if (c.apiKeyEnv() != null) {
            return Optional.of(KeySource.variable(c.apiKeyEnv(), secrets.resolve(c.apiKeyEnv()) != null, null));
        }
        return Optional.empty();
    }

    /** Why the OS keychain cannot be used here, if it cannot: what the dialog and the command line say instead. */
    public Optional<String> keychainUnavailable() {
        return keychain.unavailableReason();
    }

    /**
     * Reaches the server once and lists its models (one attempt, at most {@link #TEST_LIMIT}). Blocks; the
     * {@link ProviderException}'s message is one sentence a person can act on.
     */
    public List<String> listModels(ProviderConfig config) throws ProviderException {
        Optional<KeySource> key = keySource(config);
        if (key.isPresent() && key.get().keychain() && !key.get().set()) {
            throw new ProviderException(ProviderException.Kind.AUTH_REJECTED, config.id() + ": " + (key.get().problem() != null
                    ? "its key is kept in the OS keychain, but " + key.get().problem()
                    : "the OS keychain holds no key for it; add it again with the key"));
        }
        if (key.isPresent() && !key.get().set()) {
            throw new ProviderException(ProviderException.Kind.AUTH_REJECTED, config.id() + ": the key variable "
                    + key.get().variable() + " is not set; set it in the environment Lectern runs in (keys are never stored)");
        }
        Duration limit = config.timeout().compareTo(TEST_LIMIT) < 0 ? config.timeout() : TEST_LIMIT;
        ImageModelClient client = new ProviderClients(http.get(), secrets, ONE_ATTEMPT).create(config.withTimeout(limit));
        return client.listModels();
    }

    public static String typeName(ProviderConfig.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static ProviderConfig.Type parseType(String text, ProviderWording wording) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ProviderConfig.Type t : ProviderConfig.Type.values()) {
            if (typeName(t).equals(wanted)) {
                return t;
            }
        }
        throw new InvalidInputException(wording.type() + " must be openai, automatic1111 or comfyui");
    }

    /**
     * The field takes a variable's NAME. Something that looks like a key is refused, and never repeated in the
     * message: it may be a real key, and error lines end up in terminals, logs and bug reports.
     */
    private static void requireVariableName(String name, String field) {
        if (name == null) {
            return;
        }
        if (!VARIABLE_NAME.matcher(name).matches() || looksLikeKey(name)) {
            throw new InvalidInputException(field + " takes the NAME of an environment variable (like OPENAI_API_KEY), "
                    + "not the key itself; what was given looks like a key, so nothing was saved");
        }
    }

    static boolean looksLikeKey(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sk-") || s.startsWith("sk_") || s.startsWith("hf_") || s.startsWith("ghp_")) {
            return true;
        }
        // Variable names are words; keys are long runs of mixed-case letters and digits.
        boolean lowerCase = !s.equals(s.toUpperCase(Locale.ROOT));
        boolean upperCase = !s.equals(lower);
        boolean digit = s.chars().anyMatch(Character::isDigit);
        return s.length() >= 20 && lowerCase && upperCase && digit && !s.contains("_");
    }
}
