package dev.lectern.provider;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * What an error message needs to know about the provider, and the one place messages are worded, so that all
 * three clients speak alike. Also redacts the key from anything a server echoes back.
 */
final class ProviderContext {
    private static final Pattern KEY_LIKE = Pattern.compile("(sk-|Bearer\\s+)[A-Za-z0-9_\\-*.]{6,}");
    private static final int MAX_VENDOR_MESSAGE = 300;

    private final ProviderConfig config;
    private final String secret;
    private final String unreachableHint;

    ProviderContext(ProviderConfig config, String secret, String unreachableHint) {
        this.config = config;
        this.secret = secret == null || secret.isEmpty() ? null : secret;
        this.unreachableHint = unreachableHint;
    }

    ProviderConfig config() {
        return config;
    }

    String id() {
        return config.id();
    }

    /** One line, at most 300 characters, with the key (and anything key-shaped) replaced. */
    String clean(String vendorText) {
        if (vendorText == null) {
            return null;
        }
        String s = vendorText;
        if (secret != null) {
            s = s.replace(secret, "***");
        }
        s = KEY_LIKE.matcher(s).replaceAll("$1***");
        s = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > MAX_VENDOR_MESSAGE) {
            s = s.substring(0, MAX_VENDOR_MESSAGE) + "…";
        }
        return s.isEmpty() ? null : s;
    }

    ProviderException forStatus(ErrorClassifier.Classified c, int status, String rawVendorMessage) {
        String vm = clean(rawVendorMessage);
        String said = vm == null ? "" : ": " + vm;
        String http = " (HTTP " + status + ")";
        String msg = switch (c.kind()) {
            case AUTH_REJECTED -> "The key was rejected by " + id() + http + said + ". " + keyAdvice();
            case FORBIDDEN -> id() + " refused access" + http + said
                    + ". The key may lack permission for this model or organisation.";
            case CONTENT_POLICY -> "Blocked by the provider's safety system" + said + ". Rephrase the prompt.";
            case QUOTA_EXCEEDED -> id() + " says the account is out of quota" + http + said
                    + ". Check the plan and billing details, or pick another provider.";
            case RATE_LIMITED -> id() + " is limiting the request rate" + http + said + ". Wait a moment and try again.";
            case INVALID_REQUEST -> id() + " refused the request" + http + said
                    + (status == 404 ? ". Check the provider's base URL " + config.baseUrl() + "."
                    : ". Check the model name, image size and prompt.");
            case SERVER_ERROR -> id() + " failed with a server error" + http + said + ". Try again later.";
            default -> id() + " answered" + http + said + ".";
        };
        return new ProviderException(c.kind(), status, c.retryable(), vm, msg, null);
    }

    private String keyAdvice() {
        if (config.basicAuthUser() != null) {
            return "Check the user '" + config.basicAuthUser() + "' and the password in the variable "
                    + config.basicAuthPasswordEnv() + ".";
        }
        if (config.basicAuthEnv() != null) {
            return "Check the user:password in the variable " + config.basicAuthEnv() + ".";
        }
        if (config.apiKeyKeychain()) {
            return "Check the key stored for " + id() + " in the OS keychain (service " + Keychain.SERVICE + ").";
        }
        if (config.apiKeyEnv() == null) {
            return "The provider has no key configured: set apiKeyEnv to the name of the environment variable that holds it.";
        }
        return "Check the key in the variable " + config.apiKeyEnv() + ".";
    }

    /** No secret to send: {@code message} says where it should have come from and how to give it. */
    ProviderException missingSecret(String message) {
        return new ProviderException(ProviderException.Kind.AUTH_REJECTED, 0, false, null, message, null);
    }

    static String variableNotSet(String envName, String providerId) {
        return "The variable " + envName + " is not set, so " + providerId + " has no key. Set it to the key and restart Lectern.";
    }

    ProviderException unreachable(String why, Throwable cause) {
        return new ProviderException(ProviderException.Kind.UNREACHABLE, 0, true, null,
                "Server unreachable at " + config.baseUrl() + ": " + why + ". " + unreachableHint, cause);
    }

    ProviderException timeout(Duration limit, Throwable cause) {
        return new ProviderException(ProviderException.Kind.TIMEOUT, 0, true, null,
                "No answer from " + id() + " at " + config.baseUrl() + " within " + describe(limit)
                        + ". The server may be busy: try again, or raise the provider's timeout.", cause);
    }

    ProviderException badResponse(int status, String what) {
        return new ProviderException(ProviderException.Kind.BAD_RESPONSE, status, false, null,
                id() + " " + what + ".", null);
    }

    ProviderException notAnImage(String what, Throwable cause) {
        return new ProviderException(ProviderException.Kind.NOT_AN_IMAGE, 0, false, null,
                id() + " returned something that is not a usable image: " + what + ".", cause);
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 && ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return (ms / 1000) + " s";
    }
}
