package dev.lectern.provider;

import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;

/**
 * One vendor's wire format, as the fault matrix needs it: a config, a request, a successful exchange in the
 * vendor's documented shape, its error envelopes, and what the server must have received. Public, with its
 * three formats and {@link RecordingSleeper}, so that the workflow and command-line tests use the same ones.
 */
public interface WireFormat {
    String SECRET = "sk-test-SECRET-0123456789abcdef";
    String KEY_ENV = "LECTERN_TEST_KEY";

    ProviderConfig.Type type();

    /** The config against {@code baseUrl}, with credentials from {@link #KEY_ENV} = {@link #SECRET}. */
    ProviderConfig config(String baseUrl);

    ImageRequest request();

    /** Every response of one successful generation that returns {@code image} (any bytes). */
    void enqueueSuccess(MockWebServer server, byte[] image);

    /**
     * Every response of one run that asks for {@code images.size()} images and gets exactly these, in the shape the
     * server answers a batch: one call where the server draws a batch, else one successful generation per image.
     */
    default void enqueueCandidates(MockWebServer server, List<byte[]> images) {
        images.forEach(image -> enqueueSuccess(server, image));
    }

    /** How many requests a successful generation makes. */
    int successRequests();

    /** Asserts what the server received for one successful generation (consumes those requests). */
    void assertSuccessRequests(MockWebServer server) throws InterruptedException;

    MockResponse contentPolicy();

    MockResponse unauthorized();

    /** The env var whose name the 401 message must point at. */
    String credentialEnv();

    static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
