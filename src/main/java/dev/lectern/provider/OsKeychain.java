package dev.lectern.provider;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain through java-keyring: Secret Service over D-Bus on Linux, the Keychain on macOS, Credential Manager
 * on Windows. Reached on first use only (an author who keeps keys in variables never touches it), one call at a time
 * on a thread of its own, each with a time limit: a keychain waiting on an unlock prompt nobody answers must not hold
 * a generation for ever. Logs never carry a key.
 */
@Singleton
public final class OsKeychain implements Keychain {
    static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lectern-keychain");
        t.setDaemon(true);
        return t;
    });
    private Keyring keyring; // on the keychain thread only
    private String unavailable; // why not, once known

    @Override
    public Optional<String> read(String providerId) {
        return call(k -> {
            try {
                return Optional.ofNullable(k.getPassword(SERVICE, providerId));
            } catch (PasswordAccessException e) {
                return Optional.<String>empty(); // java-keyring reports "no such entry" this way on every backend
            }
        });
    }

    @Override
    public void store(String providerId, String key) {
        call(k -> {
            try {
                k.setPassword(SERVICE, providerId, key);
            } catch (PasswordAccessException e) {
                throw new KeychainException("the OS keychain refused to store the key of " + providerId + " ("
                        + e.getMessage() + "); unlock it, or keep the key in an environment variable: --api-key-env VAR");
            }
            return null;
        });
    }

    @Override
    public void delete(String providerId) {
        call(k -> {
            try {
                if (k.getPassword(SERVICE, providerId) != null) {
                    k.deletePassword(SERVICE, providerId);
                }
            } catch (PasswordAccessException e) {
                LOG.debug("No keychain entry for {} to delete: {}", providerId, e.getMessage());
            }
            return null;
        });
    }

    @Override
    public Optional<String> unavailableReason() {
        try {
            call(k -> null);
            return Optional.empty();
        } catch (KeychainException e) {
            return Optional.of(unavailable != null ? unavailable : e.getMessage());
        }
    }

    private interface KeyringCall<T> {
        T apply(Keyring keyring);
    }

    private <T> T call(KeyringCall<T> work) {
        Future<T> result = thread.submit(() -> work.apply(keyring()));
        try {
            return result.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new KeychainException("the OS keychain did not answer within " + CALL_LIMIT.toSeconds()
                    + " s (is it waiting to be unlocked?); unlock it and try again, or use --api-key-env VAR");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeychainException("interrupted while waiting for the OS keychain");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KeychainException k) {
                throw k;
            }
            // D-Bus and native errors arrive as runtime exceptions: say what failed, never with a key in it
            throw new KeychainException("the OS keychain failed: " + e.getCause().getMessage());
        }
    }

    private Keyring keyring() {
        if (keyring != null) {
            return keyring;
        }
        if (unavailable != null) {
            throw KeychainException.unavailable(unavailable);
        }
        try {
            keyring = Keyring.create();
            LOG.info("OS keychain: {}", keyring.getKeyringStorageType());
            return keyring;
        } catch (BackendNotSupportedException | RuntimeException e) {
            unavailable = describe(e);
            LOG.info("No OS keychain: {}", unavailable);
            throw KeychainException.unavailable(unavailable);
        }
    }

    private static String describe(Exception e) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") && System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            return "no D-Bus session, so no Secret Service such as GNOME Keyring or KeePassXC";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
