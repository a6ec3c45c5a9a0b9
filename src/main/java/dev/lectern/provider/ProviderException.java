package dev.lectern.provider;

/**
 * The one error type every image-model client throws, whatever the vendor's envelope looked like. The message
 * is a single sentence a course author can act on; {@link #retryable()} says whether trying again may help.
 * Messages and vendor messages never contain an API key (they are redacted before they get here).
 */
public final class ProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        UNREACHABLE, TIMEOUT, AUTH_REJECTED, FORBIDDEN, CONTENT_POLICY, RATE_LIMITED, QUOTA_EXCEEDED,
        INVALID_REQUEST, SERVER_ERROR, BAD_RESPONSE, NOT_AN_IMAGE, CANCELLED
    }

    private final Kind kind;
    private final int httpStatus;
    private final boolean retryable;
    private final String vendorMessage;

    public ProviderException(Kind kind, int httpStatus, boolean retryable, String vendorMessage, String message,
                             Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind);
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.vendorMessage = vendorMessage;
    }

    public ProviderException(Kind kind, String message) {
        this(kind, 0, false, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status that caused this, or 0 when there was none (network failure, bad body, cancel). */
    public int httpStatus() {
        return httpStatus;
    }

    /** True when the same request may succeed later (rate limit, server error, network blip, timeout). */
    public boolean retryable() {
        return retryable;
    }

    /** What the server said, single line, key-redacted; null when it said nothing useful. */
    public String vendorMessage() {
        return vendorMessage;
    }

    public static ProviderException cancelled() {
        return new ProviderException(Kind.CANCELLED, 0, false, null, "Cancelled.", null);
    }
}
