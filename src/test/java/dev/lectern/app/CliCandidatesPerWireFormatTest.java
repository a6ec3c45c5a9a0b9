package dev.lectern.app;

import static dev.lectern.testing.TestProjects.SEGMENT;
import static dev.lectern.testing.TestProjects.SEGMENT_REF;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.ImageContent;
import dev.lectern.provider.Automatic1111Format;
import dev.lectern.provider.ComfyUiFormat;
import dev.lectern.provider.LocalAiFormat;
import dev.lectern.provider.OpenAiFormat;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.WireFormat;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16: four candidates from each wire format through the real command line — OpenAI's {@code n} (one call),
 * AUTOMATIC1111's {@code batch_size} (one call), ComfyUI (a graph per image, each with its seed) and LocalAI (the
 * OpenAI shape, one image per answer, so the run asks again for the rest) — then discard one, accept the third:
 * the segment holds the third image's bytes, and the history says what became of each.
 */
class CliCandidatesPerWireFormatTest {
    private final ObjectMapper json = new ObjectMapper();
    private MockWebServer server;
    private Path file;
    @TempDir
    Path dir;

    static Stream<WireFormat> formats() {
        return Stream.of(new OpenAiFormat(), new Automatic1111Format(), new ComfyUiFormat(), new LocalAiFormat());
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        file = dir.resolve("course.lectern");
        TestProjects.create(file);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void fourCandidatesDiscardTheSecondAcceptTheThird(WireFormat f) throws Exception {
        Path config = dir.resolve("config");
        ProviderConfig provider = f.config(server.url("/").toString()).withTimeout(Duration.ofSeconds(10));
        new ProvidersConfigStore(config.resolve(ProvidersConfigStore.FILE_NAME)).add(provider, false);
        CliRun.Env cli = CliRun.in(config).with(WireFormat.KEY_ENV, WireFormat.SECRET);
        List<byte[]> sent = List.of(TestImages.png(96, 54, Color.RED), TestImages.png(96, 54, Color.GREEN),
                TestImages.png(96, 54, Color.BLUE), TestImages.png(96, 54, Color.ORANGE));
        f.enqueueCandidates(server, sent);

        JsonNode run = json.readTree(ok(cli.run("regenerate", file, SEGMENT_REF, "--model", provider.id() + "/" + f.request().model(),
                "--candidates", "4", "--json")));

        assertThat(run.get("status").asText()).isEqualTo("awaiting_review");
        JsonNode candidates = run.get("candidates");
        assertThat(candidates).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(candidates.get(i).get("index").asInt()).isEqualTo(i + 1);
            assertThat(candidates.get(i).get("sha256").asText()).as("candidate " + (i + 1) + " is the image sent " + (i + 1) + "th")
                    .isEqualTo(ImageContent.sha256(sent.get(i)));
            assertThat(candidates.get(i).get("width").asInt()).isEqualTo(96);
            if (f instanceof Automatic1111Format) {
                assertThat(candidates.get(i).get("seed").asLong()).as("the seed the server said, from info.all_seeds").isEqualTo(1234 + i);
            }
        }
        assertRequests(f);

        ok(cli.run("review", file, run.get("runId").asText(), "--discard", "2"));
        ok(cli.run("review", file, run.get("runId").asText(), "--accept", "--candidate", "3"));

        Path out = dir.resolve("now.png");
        ok(cli.run("image", file, SEGMENT, "--out", out));
        assertThat(Files.readAllBytes(out)).as("the segment holds the third image, byte for byte").isEqualTo(sent.get(2));
        List<String> statuses = new ArrayList<>();
        json.readTree(ok(cli.run("versions", file, SEGMENT, "--json"))).get("versions")
                .forEach(v -> statuses.add(v.get("version").asInt() + ":" + v.get("status").asText()));
        assertThat(statuses).containsExactly("5:rejected", "4:current", "3:discarded", "2:rejected", "1:imported");
    }

    /** What each server was asked: one batch call, or one call per image with the next seed or the remaining count. */
    private void assertRequests(WireFormat f) throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS); r != null; r = server.takeRequest(100, TimeUnit.MILLISECONDS)) {
            if ("POST".equals(r.getMethod())) {
                bodies.add(json.readTree(r.getBody().utf8()));
            }
        }
        if (f instanceof LocalAiFormat) {
            assertThat(bodies).extracting(b -> b.get("n").asInt()).as("asks again for the rest").containsExactly(4, 3, 2, 1);
        } else if (f instanceof OpenAiFormat) {
            assertThat(bodies).extracting(b -> b.get("n").asInt()).containsExactly(4);
        } else if (f instanceof Automatic1111Format) {
            assertThat(bodies).extracting(b -> b.get("batch_size").asInt()).containsExactly(4);
        } else {
            List<Long> seeds = bodies.stream().map(b -> b.path("prompt").path("3").path("inputs").path("seed").asLong()).toList();
            assertThat(seeds).as("a graph per image, each with its own seed").hasSize(4).doesNotHaveDuplicates();
            assertThat(seeds.get(1) - seeds.get(0)).as("the seeds follow one another").isEqualTo(1);
        }
    }

    private static String ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }
}
