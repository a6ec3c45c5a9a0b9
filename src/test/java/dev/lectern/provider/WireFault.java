package dev.lectern.provider;

import dev.lectern.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;

/**
 * The nine cases of the workflow issue, as an image server speaking any {@link WireFormat} commits them: what
 * the server does and, for a failure, the words the run's message needs. Shared by the workflow fault matrix and
 * the reliability suite.
 */
public enum WireFault {
    SUCCESS(null) {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            f.enqueueSuccess(server, image);
        }
    },
    RATE_LIMITED_THEN_SUCCESS(null) {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                    .addHeader("Content-Type", "application/json")
                    .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                    .build());
            f.enqueueSuccess(server, image);
        }
    },
    SERVER_ERROR_THEN_SUCCESS(null) {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            server.enqueue(WireFormat.json(500, "{\"error\":\"Internal Server Error\"}"));
            f.enqueueSuccess(server, image);
        }
    },
    HANGS_PAST_THE_TIMEOUT("within 1 s") {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
        }
    },
    OK_BUT_NOT_JSON("not JSON") {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            server.enqueue(new MockResponse(200, Headers.of("Content-Type", "text/html"),
                    "<html><body>Welcome to nginx!</body></html>"));
        }
    },
    JSON_BUT_NOT_AN_IMAGE("not a usable image") {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            f.enqueueSuccess(server, "GIF89a but not really an image at all".getBytes(StandardCharsets.US_ASCII));
        }
    },
    PNG_CLAIMING_100000_SQUARED("100000×100000") {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            f.enqueueSuccess(server, TestImages.pngHeader(100_000, 100_000));
        }
    },
    CONTENT_POLICY_400("safety system") {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            server.enqueue(f.contentPolicy());
            f.enqueueSuccess(server, image); // must never be fetched
        }
    },
    UNAUTHORIZED_401("key was rejected") {
        @Override
        public void enqueue(WireFormat f, MockWebServer server, byte[] image) {
            server.enqueue(f.unauthorized());
            f.enqueueSuccess(server, image); // must never be fetched
        }
    };

    /** Null for the cases that succeed; else words the run's error must contain. */
    public final String failureWords;

    WireFault(String failureWords) {
        this.failureWords = failureWords;
    }

    public abstract void enqueue(WireFormat f, MockWebServer server, byte[] image);

    public boolean succeeds() {
        return failureWords == null;
    }

    /** Failures that retrying cannot fix: exactly one request, and no wait. */
    public boolean singleRequest() {
        return this == OK_BUT_NOT_JSON || this == CONTENT_POLICY_400 || this == UNAUTHORIZED_401;
    }
}
