package dev.lectern.testing;

import dev.lectern.provider.Keychain;
import dev.lectern.provider.KeychainException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An OS keychain in memory, for tests only; or none at all, as on a headless Linux without a Secret Service. */
public final class FakeKeychain implements Keychain {
    public final Map<String, String> entries = new ConcurrentHashMap<>();
    private final String unavailable;

    private FakeKeychain(String unavailable) {
        this.unavailable = unavailable;
    }

    public static FakeKeychain empty() {
        return new FakeKeychain(null);
    }

    /** No keychain here: every call refuses, as OsKeychain does without a Secret Service. */
    public static FakeKeychain none() {
        return new FakeKeychain("no D-Bus session, so no Secret Service such as GNOME Keyring or KeePassXC");
    }

    @Override
    public Optional<String> read(String providerId) {
        check();
        return Optional.ofNullable(entries.get(providerId));
    }

    @Override
    public void store(String providerId, String key) {
        check();
        entries.put(providerId, key);
    }

    @Override
    public void delete(String providerId) {
        check();
        entries.remove(providerId);
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    private void check() {
        if (unavailable != null) {
            throw KeychainException.unavailable(unavailable);
        }
    }
}
