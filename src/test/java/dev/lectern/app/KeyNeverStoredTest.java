package dev.lectern.app;

import dev.lectern.testing.Bytes;
import static dev.lectern.testing.TestProjects.LECTURE;
import static dev.lectern.testing.TestProjects.SEGMENT_REF;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.provider.OpenAiFormat;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.WireFormat;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The "the key appears in no byte of the project file", and of nothing else Lectern writes or prints:
 * a success that is accepted, a 401 whose body echoes the key, an export and the runs list, with every log
 * event captured at DEBUG.
 */
class KeyNeverStoredTest {
    /** Not shaped like an OpenAI key, so only redacting this exact key (not the "sk-…" pattern) can hide it. */
    private static final String KEY = "lk_live_Zq8Xw3Rt6Yp1Vn4Mb7KcQ2";

    private final ObjectMapper json = new ObjectMapper();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;

    @TempDir
    Path dir;
    private MockWebServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(logs);
        root.setLevel(rootLevel);
        server.close();
    }

    @Test
    void the_key_is_in_no_file_output_or_log_line() throws Exception {
        Path file = dir.resolve("course.lectern");
        Path configDir = dir.resolve("config");
        TestProjects.create(file);
        ProviderConfig config = new OpenAiFormat().config(server.url("/").toString()).withTimeout(Duration.ofSeconds(10));
        new ProvidersConfigStore(configDir.resolve(ProvidersConfigStore.FILE_NAME)).add(config, false);
        CliRun.Env cli = CliRun.in(configDir).with(WireFormat.KEY_ENV, KEY);
        String model = config.id() + "/gpt-image-1";
        Map<String, String> printed = new LinkedHashMap<>();

        new OpenAiFormat().enqueueSuccess(server, TestImages.png(64, 40));
        CliRun generated = cli.run("regenerate", file, SEGMENT_REF, "--model", model, "--json");
        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        printed.put("regenerate", generated.toString());
        String runId = json.readTree(generated.out()).path("runId").asText();
        CliRun accepted = cli.run("review", file, runId, "--accept", "--json");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        printed.put("review --accept", accepted.toString());

        server.enqueue(WireFormat.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        CliRun rejected = cli.run("regenerate", file, SEGMENT_REF, "--model", model, "--prompt", "a second try", "--json");
        assertThat(rejected.exitCode()).as(rejected.toString()).isEqualTo(1);
        String error = json.readTree(rejected.out()).path("error").asText();
        printed.put("regenerate (401)", rejected.toString());

        Path exportDir = dir.resolve("export");
        CliRun exported = cli.run("export", file, LECTURE, "--images", exportDir);
        assertThat(exported.exitCode()).as(exported.toString()).isZero();
        printed.put("export", exported.toString());
        CliRun runs = cli.run("runs", file, "--json");
        assertThat(runs.exitCode()).as(runs.toString()).isZero();
        JsonNode runList = json.readTree(runs.out());
        assertThat(runList).hasSize(2);
        printed.put("runs --json", runs.toString());

        // the key really went to the server, so finding it nowhere else means something
        assertThat(server.getRequestCount()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        }
        assertThat(file).isNotEmptyFile();
        assertThat(configDir.resolve(ProvidersConfigStore.FILE_NAME)).content().contains(WireFormat.KEY_ENV);
        assertThat(logs.list).as("the log capture works").anyMatch(e -> e.getFormattedMessage().contains("/v1/images/generations"));

        List<String> searched = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertNoKey(p.toString(), Files.readAllBytes(p));
                searched.add(dir.relativize(p).toString());
            }
        }
        assertThat(searched).contains("course.lectern", "config/" + ProvidersConfigStore.FILE_NAME)
                .anyMatch(p -> p.startsWith("export/images/"));
        for (String sibling : new String[] {"-wal", "-shm"}) {
            Path p = file.resolveSibling(file.getFileName() + sibling);
            if (Files.exists(p)) {
                assertThat(searched).contains(dir.relativize(p).toString());
            }
        }
        printed.forEach((command, text) -> assertNoKey("output of " + command, text.getBytes(StandardCharsets.UTF_8)));
        for (ILoggingEvent e : logs.list) {
            assertNoKey("log event " + e, logText(e).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(error).startsWith("The key was rejected by openai-test (HTTP 401): Incorrect API key provided: ***");
    }

    private static void assertNoKey(String where, byte[] content) {
        for (String form : new String[] {KEY, KEY.substring(6, 22), Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8))}) {
            assertThat(Bytes.indexOf(content, form.getBytes(StandardCharsets.UTF_8))).as("'%s' in %s", form, where).isEqualTo(-1);
            assertThat(Bytes.indexOf(content, form.getBytes(StandardCharsets.UTF_16LE))).as("'%s' (UTF-16) in %s", form, where).isEqualTo(-1);
        }
    }

    private static String logText(ILoggingEvent e) {
        StringBuilder s = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            s.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return s.toString();
    }
}
