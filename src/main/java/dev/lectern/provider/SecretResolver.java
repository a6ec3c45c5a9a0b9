package dev.lectern.provider;

/**
 * Where secrets come from: an environment variable by its NAME, or the provider's entry in the OS keychain. Neither
 * is ever written to a Lectern file.
 */
public interface SecretResolver {
    /** The variable's value; null when unset or blank. */
    String resolve(String name);

    /**
     * The provider's key in the OS keychain; null when none is stored.
     *
     * @throws KeychainException when there is no keychain here or it failed
     */
    default String keychainKey(String providerId) {
        throw KeychainException.unavailable("this Lectern was set up without one");
    }
}
