package dev.lectern.provider;

import dev.lectern.lecture.InvalidInputException;

/**
 * The OS keychain could not do what was asked: there is none here (a headless Linux without a Secret Service), it is
 * locked, or it refused. The message says what to do instead; it never holds a key.
 */
public final class KeychainException extends InvalidInputException {
    public KeychainException(String message) {
        super(message);
    }

    /** The one advice for a machine without a keychain: keep the key in an environment variable. */
    public static KeychainException unavailable(String why) {
        return new KeychainException("no OS keychain is available here (" + why + "). Keep the key in an environment "
                + "variable instead: --api-key-env VAR (in the window: Image Servers ▸ Key from ▸ Environment variable)");
    }
}
