package dev.lectern.provider;

import java.util.Optional;

/**
 * The OS keychain as Lectern uses it (decision 0025): one entry per provider, service {@value #SERVICE}, account the
 * provider's id, holding its API key. Every call may block on the OS (a D-Bus round trip, an unlock prompt): call it
 * off the FX thread.
 */
public interface Keychain {
    String SERVICE = "Lectern";

    /** The key stored for the provider, empty when none is. */
    Optional<String> read(String providerId) throws KeychainException;

    void store(String providerId, String key) throws KeychainException;

    /** Removes the provider's entry; none there is not an error. */
    void delete(String providerId) throws KeychainException;

    /** Why no keychain can be reached here ("no D-Bus session, …"), empty when one can: asked before offering it. */
    Optional<String> unavailableReason();
}
