package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.testing.CliRun;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** providers test through the real clients, against each server's documented models listing. */
class ProvidersTestCommandTest {
    static final String KEY_ENV = "LECTERN_TEST_KEY";
    static final String KEY = "sk-test-SECRET-0123456789abcdef";

    @TempDir
    Path dir;
    Path file;
    CliRun.Env lectern;
    MockWebServer server;

    @BeforeEach
    void setUp() throws Exception {
        file = dir.resolve("config/providers.json");
        lectern = CliRun.in(dir.resolve("config")).with(KEY_ENV, KEY);
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }

    String url() {
        return server.url("/").toString();
    }

    String shownUrl() {
        return url().replaceAll("/$", "");
    }

    private void add(String id, String type, String url, String... more) {
        Object[] args = Stream.concat(Stream.of("providers", "add", id, "--type", type, "--url", url), Stream.of(more)).toArray();
        CliRun run = lectern.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("openai", "/v1/models", "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-image-1\",\"object\":\"model\","
                        + "\"created\":1745517030,\"owned_by\":\"system\"},{\"id\":\"dall-e-3\",\"object\":\"model\"},"
                        + "{\"id\":\"dall-e-2\",\"object\":\"model\"}]}", "3 models: gpt-image-1, dall-e-3, dall-e-2"),
                Arguments.of("automatic1111", "/sdapi/v1/sd-models", "[{\"title\":\"dreamshaper_8.safetensors [879db523c3]\","
                        + "\"model_name\":\"dreamshaper_8\",\"hash\":\"879db523c3\",\"filename\":\"/sd/models/dreamshaper_8.safetensors\"},"
                        + "{\"title\":\"v1-5-pruned-emaonly.safetensors [6ce0161689]\",\"model_name\":\"v1-5-pruned-emaonly\"}]",
                        "2 models: dreamshaper_8, v1-5-pruned-emaonly"),
                Arguments.of("comfyui", "/object_info/CheckpointLoaderSimple", "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":"
                        + "{\"ckpt_name\":[[\"sd_xl_base_1.0.safetensors\"],{\"tooltip\":\"The name of the checkpoint\"}]}},"
                        + "\"output\":[\"MODEL\",\"CLIP\",\"VAE\"],\"name\":\"CheckpointLoaderSimple\"}}",
                        "1 model: sd_xl_base_1.0.safetensors"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsTheModelsOfEachKindOfServer(String type, String path, String body, String models) throws Exception {
        add("srv", type, url(), "--api-key-env", KEY_ENV);
        server.enqueue(json(200, body));

        CliRun run = lectern.run("providers", "test", "srv");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("srv: reachable at " + shownUrl() + " — " + models);
        assertThat(run.err()).isEmpty();
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo(path);
        assertThat(r.getHeaders().get("Authorization")).as("the key from the environment").isEqualTo("Bearer " + KEY);
        assertThat(run.out()).doesNotContain(KEY);
    }

    @Test
    void modelsConfiguredButNotOnTheServerAreNamed() {
        add("local-sd", "automatic1111", url(), "--model", "dreamshaper_8", "--model", "juggernaut_xl");
        server.enqueue(json(200, "[{\"title\":\"dreamshaper_8.safetensors\",\"model_name\":\"dreamshaper_8\"}]"));
        CliRun run = lectern.run("providers", "test", "local-sd");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1 model: dreamshaper_8").contains("configured but not offered by the server: juggernaut_xl");
    }

    @Test
    void aRejectedKeyFailsWithOneLineAndTheKeyAppearsNowhere() throws Exception {
        add("openai", "openai", url(), "--api-key-env", KEY_ENV);
        // OpenAI echoes the key it refused; the message must not.
        server.enqueue(json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

        CliRun run = lectern.run("providers", "test", "openai");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("lectern: ").contains("key was rejected").contains("HTTP 401").contains(KEY_ENV);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(KEY).doesNotContain("0123456789abcdef");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).contains(KEY_ENV).doesNotContain(KEY);
        assertThat(server.getRequestCount()).as("a 401 is not retried").isEqualTo(1);
    }

    @Test
    void aMissingKeyVariableIsNamedAndNothingIsSent() {
        add("openai", "openai", url(), "--api-key-env", "OPENAI_API_KEY");
        CliRun run = lectern.run("providers", "test", "openai");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("lectern: openai: the key variable OPENAI_API_KEY is not set");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnreachableServerFailsWithOneLineQuickly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        add("local-sd", "automatic1111", "http://127.0.0.1:" + port);
        long start = System.nanoTime();
        CliRun run = lectern.run("providers", "test", "local-sd");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("lectern: ").contains("unreachable at http://127.0.0.1:" + port)
                .contains("--api");
        assertThat(run.err().lines()).as("one line: no retry warnings").hasSize(1);
        assertThat(run.out()).isEmpty();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("one attempt, no backoff").isLessThan(5_000);
    }

    @Test
    void aServerThatIsNotTheRightKindSaysSo() {
        add("comfy", "comfyui", url());
        server.enqueue(new MockResponse(404, Headers.of("Content-Type", "text/html"), "<html>Not Found</html>"));
        CliRun run = lectern.run("providers", "test", "comfy");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("lectern: ").contains("HTTP 404").contains("base URL");
    }

    @Test
    void aTestIsOneAttemptEvenWhenRetryingMightHelp() {
        add("local-sd", "automatic1111", url());
        server.enqueue(json(503, "{\"detail\":\"Service Unavailable\"}"));
        server.enqueue(json(200, "[]"));
        CliRun run = lectern.run("providers", "test", "local-sd");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).startsWith("lectern: local-sd failed with a server error (HTTP 503): Service Unavailable");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownProviderIsBadInput() {
        CliRun run = lectern.run("providers", "test", "nope");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("lectern: there is no provider 'nope'");
    }
}
