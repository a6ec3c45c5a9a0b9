package dev.lectern.provider;

import dev.lectern.testing.FakeKeychain;
import dev.lectern.testing.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same faults against every wire format, each in the vendor's own envelope. */
class FaultMatrixTest {
    private static final OkHttpClient HTTP = HttpClientFactory.create();
    private static final SecretResolver SECRETS = new SecretSources(Map.of(WireFormat.KEY_ENV, WireFormat.SECRET), FakeKeychain.none());
    private static final BooleanSupplier NEVER = () -> false;

    private MockWebServer server;
    private RecordingSleeper sleeper;

    static Stream<WireFormat> formats() {
        return Stream.of(new OpenAiFormat(), new Automatic1111Format(), new ComfyUiFormat());
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @AfterAll
    static void shutdown() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    private ImageModelClient client(WireFormat f, Duration timeout) {
        CallTuning tuning = new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.systemUTC(), Duration.ofMillis(1));
        ProviderConfig config = f.config(server.url("/").toString()).withTimeout(timeout);
        return new ProviderClients(HTTP, SECRETS, tuning).create(config);
    }

    private ImageModelClient client(WireFormat f) {
        return client(f, Duration.ofSeconds(10));
    }

    private ProviderException failure(WireFormat f) {
        return catchThrowableOfType(ProviderException.class, () -> client(f).generate(f.request(), NEVER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void success_returns_the_image_and_sends_the_documented_request(WireFormat f) throws Exception {
        byte[] png = TestImages.png(96, 64);
        f.enqueueSuccess(server, png);

        GeneratedImage image = client(f).generate(f.request(), NEVER);

        assertThat(image.bytes()).isEqualTo(png);
        assertThat(image.mediaType()).isEqualTo("image/png");
        assertThat(image.width()).isEqualTo(96);
        assertThat(image.height()).isEqualTo(64);
        assertThat(image.model()).isEqualTo(f.request().model());
        if (f.request().seed() != null) {
            assertThat(image.seed()).isEqualTo(f.request().seed());
        }
        f.assertSuccessRequests(server);
        assertThat(server.getRequestCount()).isEqualTo(f.successRequests());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_429_waits_as_long_as_retry_after_says_then_succeeds(WireFormat f) throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                .build());
        f.enqueueSuccess(server, TestImages.png(32, 32));

        GeneratedImage image = client(f).generate(f.request(), NEVER);

        assertThat(image.width()).isEqualTo(32);
        assertThat(sleeper.waits).contains(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(f.successRequests() + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_500_is_retried_after_a_jittered_backoff(WireFormat f) throws Exception {
        server.enqueue(WireFormat.json(500, "{\"error\":\"Internal Server Error\"}"));
        f.enqueueSuccess(server, TestImages.jpeg(40, 30));

        GeneratedImage image = client(f).generate(f.request(), NEVER);

        assertThat(image.mediaType()).isEqualTo("image/jpeg");
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, RetryPolicy.DEFAULT.baseDelay());
        assertThat(server.getRequestCount()).isEqualTo(f.successRequests() + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_server_that_hangs_ends_in_timeout_within_the_limit(WireFormat f) {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
        long start = System.nanoTime();

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(f, Duration.ofSeconds(1)).generate(f.request(), NEVER));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("No answer from").contains("within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_cancel_cuts_the_call_in_flight(WireFormat f) {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
        long start = System.nanoTime();
        BooleanSupplier cancelAfter300ms = () -> System.nanoTime() - start > 300_000_000L;

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(f).generate(f.request(), cancelAfter300ms));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_200_that_is_not_json_is_a_bad_response(WireFormat f) {
        server.enqueue(new MockResponse(200, Headers.of("Content-Type", "text/html"),
                "<html><body>Welcome to nginx!</body></html>"));

        ProviderException e = failure(f);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("returned something that is not JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void bytes_that_are_not_an_image_are_refused(WireFormat f) {
        f.enqueueSuccess(server, "GIF89a but not really an image at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        ProviderException e = failure(f);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_AN_IMAGE);
        assertThat(e.getMessage()).contains("not a usable image").contains("expected PNG or JPEG");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_png_claiming_100000_pixels_a_side_is_refused_before_decoding(WireFormat f) {
        f.enqueueSuccess(server, TestImages.pngHeader(100_000, 100_000));

        ProviderException e = failure(f);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_AN_IMAGE);
        assertThat(e.getMessage()).contains("claims 100000×100000 pixels");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_content_policy_refusal_is_not_retried(WireFormat f) {
        server.enqueue(f.contentPolicy());
        f.enqueueSuccess(server, TestImages.png(8, 8)); // must never be fetched

        ProviderException e = failure(f);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.CONTENT_POLICY);
        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.getMessage()).startsWith("Blocked by the provider's safety system: ").endsWith("Rephrase the prompt.");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_401_is_not_retried_and_never_shows_the_key(WireFormat f) {
        server.enqueue(f.unauthorized());
        f.enqueueSuccess(server, TestImages.png(8, 8));

        ProviderException e = failure(f);

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.getMessage()).startsWith("The key was rejected by ").contains("(HTTP 401)")
                .contains(f.credentialEnv()).doesNotContain(WireFormat.SECRET).doesNotContain("0123456789abcdef");
        assertThat(String.valueOf(e.vendorMessage())).doesNotContain(WireFormat.SECRET);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_server_that_is_not_running_is_unreachable_after_retries(WireFormat f) throws Exception {
        String url = server.url("/").toString();
        server.close();
        ProviderConfig config = f.config(url);
        CallTuning tuning = new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.systemUTC(), Duration.ofMillis(1));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> new ProviderClients(HTTP, SECRETS, tuning).create(config).generate(f.request(), NEVER));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).startsWith("Server unreachable at " + config.baseUrl() + ": connection refused.");
        assertThat(sleeper.waits).hasSize(RetryPolicy.DEFAULT.maxRetries());
        server = new MockWebServer(); // so that stop() has something to close
    }
}
