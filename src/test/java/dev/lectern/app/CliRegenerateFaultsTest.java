package dev.lectern.app;

import static dev.lectern.testing.TestProjects.LECTURE;
import static dev.lectern.testing.TestProjects.SEGMENT;
import static dev.lectern.testing.TestProjects.SEGMENT_REF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.ImageContent;
import dev.lectern.provider.Automatic1111Format;
import dev.lectern.provider.ComfyUiFormat;
import dev.lectern.provider.OpenAiFormat;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.WireFormat;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code lectern regenerate} against each wire format through the real command line and injector, with the
 * per-user config directory and the environment made up for the test.
 */
class CliRegenerateFaultsTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;
    private Path file;
    private Path configDir;
    private MockWebServer server;

    static Stream<WireFormat> formats() {
        return Stream.of(new OpenAiFormat(), new Automatic1111Format(), new ComfyUiFormat());
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        file = dir.resolve("course.lectern");
        configDir = dir.resolve("config");
        TestProjects.create(file);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Writes the provider to providers.json; returns a command line whose environment holds its key. */
    private CliRun.Env configure(WireFormat f) {
        ProviderConfig config = f.config(server.url("/").toString()).withTimeout(Duration.ofSeconds(10));
        new ProvidersConfigStore(configDir.resolve(ProvidersConfigStore.FILE_NAME)).add(config, false);
        return CliRun.in(configDir).with(WireFormat.KEY_ENV, WireFormat.SECRET);
    }

    private static String model(WireFormat f) {
        return f.config("http://localhost").id() + "/" + f.request().model();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_500_then_success_prints_the_run_awaiting_review_with_its_preview(WireFormat f) throws Exception {
        CliRun.Env cli = configure(f);
        byte[] image = TestImages.png(80, 48, Color.ORANGE);
        server.enqueue(WireFormat.json(500, "{\"error\":\"Internal Server Error\"}"));
        f.enqueueSuccess(server, image);
        String exportBefore = cli.run("export", file, LECTURE).out();

        CliRun r = cli.run("regenerate", file, SEGMENT_REF, "--model", model(f), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode run = json.readTree(r.out());
        assertThat(run.path("status").asText()).isEqualTo("awaiting_review");
        assertThat(run.path("segmentId").asText()).isEqualTo(SEGMENT);
        assertThat(run.path("model").asText()).isEqualTo(model(f));
        assertThat(run.path("error").isNull()).isTrue();
        JsonNode preview = run.path("preview");
        assertThat(preview.path("startingImageId").asText()).isEqualTo(TestProjects.imageId(SEGMENT));
        assertThat(preview.path("version").asInt()).isEqualTo(2);
        assertThat(preview.path("sha256").asText()).isEqualTo(ImageContent.sha256(image));
        assertThat(preview.path("width").asInt()).isEqualTo(80);
        assertThat(preview.path("height").asInt()).isEqualTo(48);
        assertThat(server.getRequestCount()).isEqualTo(f.successRequests() + 1);
        assertThat(cli.run("export", file, LECTURE).out()).as("not applied before review").isEqualTo(exportBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void a_401_exits_1_with_the_reason_on_stderr_and_still_prints_the_run(WireFormat f) throws Exception {
        CliRun.Env cli = configure(f);
        server.enqueue(f.unauthorized());
        f.enqueueSuccess(server, TestImages.png(8, 8)); // must never be fetched
        String exportBefore = cli.run("export", file, LECTURE).out();

        CliRun r = cli.run("regenerate", file, SEGMENT_REF, "--model", model(f), "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode run = json.readTree(r.out());
        assertThat(run.path("status").asText()).isEqualTo("failed");
        assertThat(run.path("preview").isNull()).isTrue();
        String error = run.path("error").asText();
        assertThat(error).startsWith("The key was rejected by ").contains(f.credentialEnv()).doesNotContain(WireFormat.SECRET);
        assertThat(r.err()).isEqualTo("lectern: run " + run.path("runId").asText() + " failed: " + error + System.lineSeparator());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(cli.run("export", file, LECTURE).out()).isEqualTo(exportBefore);
        JsonNode segments = json.readTree(cli.run("segments", file, "--json").out());
        for (JsonNode s : segments) {
            assertThat(s.path("imageVersion").asInt()).as(s.toString()).isEqualTo(1);
        }
        assertThat(segments).hasSize(3);
    }

    @Test
    void a_malformed_model_is_bad_usage_and_creates_no_run() throws Exception {
        CliRun.Env cli = configure(new OpenAiFormat());

        for (String bad : new String[] {"gpt-image-1", "Open AI/gpt-image-1", "openai-test/"}) {
            CliRun r = cli.run("regenerate", file, SEGMENT_REF, "--model", bad, "--json");

            assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("lectern: ").doesNotContain("Exception").hasLineCount(1);
        }
        assertThat(cli.run("regenerate", file, SEGMENT_REF, "--model", "gpt-image-1").err())
                .contains("write it as PROVIDER/MODEL");
        CliRun runs = cli.run("runs", file, "--json");
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        assertThat(json.readTree(runs.out())).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void a_model_of_an_unconfigured_provider_fails_the_run_and_says_how_to_add_it() throws Exception {
        CliRun r = CliRun.in(configDir).run("regenerate", file, SEGMENT_REF, "--model", "studio-gpu/sdxl-turbo", "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(json.readTree(r.out()).path("status").asText()).isEqualTo("failed");
        assertThat(r.err()).startsWith("lectern: run ").contains(" failed: ").contains("'lectern providers add studio-gpu");
    }
}
