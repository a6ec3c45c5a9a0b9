package dev.lectern.provider;

import java.util.Locale;
import java.util.Set;

/**
 * Status + vendor error → kind and "retrying may help". Shared by every wire format so that the rules of
 * ARCHITECTURE §4 (never retry 401, content policy, insufficient quota, invalid request) live in one place.
 */
final class ErrorClassifier {
    record Classified(ProviderException.Kind kind, boolean retryable) {
    }

    private static final Set<String> POLICY_CODES = Set.of("moderation_blocked", "content_policy_violation",
            "content_filter", "safety_violation");
    private static final Set<Integer> RETRYABLE_5XX = Set.of(500, 502, 503, 504);

    private ErrorClassifier() {
    }

    static Classified classify(int status, VendorError e) {
        String code = lower(e.code());
        String type = lower(e.type());
        String text = lower(e.message());
        if (status == 401 || "invalid_api_key".equals(code)) {
            return new Classified(ProviderException.Kind.AUTH_REJECTED, false);
        }
        if (status == 403 && !POLICY_CODES.contains(code)) {
            return new Classified(ProviderException.Kind.FORBIDDEN, false);
        }
        if (POLICY_CODES.contains(code) || POLICY_CODES.contains(type) || mentionsSafety(type, text)) {
            return new Classified(ProviderException.Kind.CONTENT_POLICY, false);
        }
        if (status == 429) {
            return "insufficient_quota".equals(code) || "insufficient_quota".equals(type)
                    ? new Classified(ProviderException.Kind.QUOTA_EXCEEDED, false)
                    : new Classified(ProviderException.Kind.RATE_LIMITED, true);
        }
        if (status >= 500) {
            return new Classified(ProviderException.Kind.SERVER_ERROR, RETRYABLE_5XX.contains(status));
        }
        return new Classified(ProviderException.Kind.INVALID_REQUEST, false);
    }

    private static boolean mentionsSafety(String type, String text) {
        boolean policyWords = text.contains("safety system") || text.contains("content policy")
                || text.contains("content_policy") || text.contains("moderation") || text.contains("nsfw");
        return policyWords && (type.isEmpty() || type.contains("user_error") || type.contains("invalid_request")
                || type.contains("policy") || type.contains("exception"));
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
