package dev.lectern.provider;

/** Turns the NAME of a secret (an environment variable) into its value; null when unset or blank. */
@FunctionalInterface
public interface SecretResolver {
    String resolve(String name);
}
