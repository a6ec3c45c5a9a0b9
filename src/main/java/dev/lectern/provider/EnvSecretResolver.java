package dev.lectern.provider;

import jakarta.inject.Inject;
import java.util.Map;

/** Keys come from environment variables only, so they are never written to any Lectern file. */
public final class EnvSecretResolver implements SecretResolver {
    private final Map<String, String> env;

    @Inject
    public EnvSecretResolver() {
        this(System.getenv());
    }

    public EnvSecretResolver(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String resolve(String name) {
        if (name == null) {
            return null;
        }
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
