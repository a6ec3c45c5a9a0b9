package dev.lectern.provider;

import jakarta.inject.Inject;
import java.util.Map;

/** Keys from environment variables, or from the OS keychain: never written to any Lectern file. */
public final class SecretSources implements SecretResolver {
    private final Map<String, String> env;
    private final Keychain keychain;

    @Inject
    public SecretSources(Keychain keychain) {
        this(System.getenv(), keychain);
    }

    public SecretSources(Map<String, String> env, Keychain keychain) {
        this.env = Map.copyOf(env);
        this.keychain = keychain;
    }

    @Override
    public String resolve(String name) {
        if (name == null) {
            return null;
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String keychainKey(String providerId) {
        return keychain.read(providerId).filter(k -> !k.isBlank()).map(String::strip).orElse(null);
    }
}
