package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FileDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** providers add / list / remove end to end: the real injector, a per-test config directory, the real file. */
class ProvidersCommandTest {
    static final String KEY = "sk-proj-NEVER-STORE-4f9a8b7c6d5e";

    @TempDir
    Path dir;
    Path config;
    Path file;
    CliRun.Env lectern;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        config = dir.resolve("config");
        file = config.resolve("providers.json");
        lectern = CliRun.in(config).with("OPENAI_API_KEY", KEY);
    }

    private CliRun ok(Object... args) {
        CliRun run = lectern.run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run;
    }

    @Test
    void addListRemoveRoundTrip() throws Exception {
        CliRun added = ok("providers", "add", "local-sd", "--type", "automatic1111", "--url", "http://127.0.0.1:7860/",
                "--model", "dreamshaper_8", "--model", "sd_xl_base_1.0", "--timeout", "120", "--concurrency", "2");
        assertThat(added.out()).contains("Added local-sd (automatic1111 at http://127.0.0.1:7860) to " + file);
        ok("providers", "add", "openai", "--type", "OpenAI", "--url", "https://api.openai.com", "--api-key-env",
                "OPENAI_API_KEY", "--model", "gpt-image-1");

        JsonNode listed = json.readTree(ok("providers", "list", "--json").out());
        assertThat(listed).isEqualTo(json.readTree("""
                [{"id": "local-sd", "type": "automatic1111", "baseUrl": "http://127.0.0.1:7860", "apiKeyEnv": null,
                  "apiKeyKeychain": false, "models": ["dreamshaper_8", "sd_xl_base_1.0"], "timeoutSeconds": 120,
                  "concurrency": 2, "keyFrom": null},
                 {"id": "openai", "type": "openai", "baseUrl": "https://api.openai.com", "apiKeyEnv": "OPENAI_API_KEY",
                  "apiKeyKeychain": false, "models": ["gpt-image-1"], "timeoutSeconds": 600, "concurrency": 4,
                  "keyFrom": "env OPENAI_API_KEY"}]"""));

        String table = ok("providers", "list").out();
        assertThat(table.lines()).hasSize(3);
        assertThat(table.lines().findFirst().orElseThrow())
                .matches("ID +TYPE +URL +KEY FROM +MODELS +TIMEOUT +CONCURRENCY");
        assertThat(table).containsPattern("local-sd +automatic1111 +http://127\\.0\\.0\\.1:7860 +- +dreamshaper_8, sd_xl_base_1\\.0 +120 s +2")
                .containsPattern("openai +openai +https://api\\.openai\\.com +env OPENAI_API_KEY +gpt-image-1 +600 s +4");
        assertThat(CliRun.in(config).run("providers", "list").out()).as("a variable that is not set is named as such")
                .contains("env OPENAI_API_KEY (not set)");

        assertThat(ok("providers", "remove", "local-sd").out()).contains("Removed local-sd");
        JsonNode after = json.readTree(ok("providers", "list", "--json").out());
        assertThat(after).hasSize(1);
        assertThat(after.get(0).path("id").asText()).isEqualTo("openai");

        String before = FileDigest.of(file);
        CliRun again = lectern.run("providers", "remove", "local-sd");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).startsWith("lectern: there is no provider 'local-sd'");
        assertThat(FileDigest.of(file)).isEqualTo(before);

        ok("providers", "remove", "openai");
        assertThat(ok("providers", "list", "--json").out().strip()).isEqualTo("[ ]");
        assertThat(ok("providers", "list").out()).startsWith("No image servers yet");
    }

    @Test
    void theKeyNeverReachesTheFileOrTheOutput() throws Exception {
        ok("providers", "add", "openai", "--type", "openai", "--url", "https://api.openai.com", "--api-key-env", "OPENAI_API_KEY");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("OPENAI_API_KEY").doesNotContain(KEY)
                .doesNotContain("NEVER-STORE");
        CliRun table = ok("providers", "list");
        CliRun listed = ok("providers", "list", "--json");
        assertThat(table.out() + listed.out()).contains("OPENAI_API_KEY").doesNotContain("NEVER-STORE");
    }

    @Test
    void theConfigLivesInTheConfigDirectoryOfTheEnvironment() throws Exception {
        ok("providers", "add", "local-sd", "--type", "automatic1111", "--url", "http://127.0.0.1:7860");
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).contains("\"id\" : \"local-sd\"");

        Path other = dir.resolve("other-config");
        assertThat(CliRun.in(other).run("providers", "list", "--json").out().strip()).isEqualTo("[ ]");
        assertThat(other.resolve("providers.json")).doesNotExist();

        // Without LECTERN_CONFIG_DIR the build's lectern.config.dir (under target/) is used, not the real home.
        Path fromProperty = Path.of(System.getProperty("lectern.config.dir")).toAbsolutePath().resolve("providers.json");
        assertThat(Guice.createInjector(new AppModule()).getInstance(ProvidersConfigStore.class).file()).isEqualTo(fromProperty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:7860", "http://localhost", "http://[::1]:8188", "https://example.com",
            "https://sd.example.org:8443/api", "https://10.0.0.5:7860"})
    void loopbackHttpAndAnyHttpsAreAccepted(String url) throws Exception {
        ok("providers", "add", "p", "--type", "comfyui", "--url", url);
        assertThat(json.readTree(ok("providers", "list", "--json").out()).get(0).path("baseUrl").asText())
                .isEqualTo(url.replaceAll("/$", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "http://192.168.1.20:7860", "http://127.evil.com"})
    void plainHttpToAnotherHostIsRefusedAndNothingIsWritten(String url) {
        CliRun run = lectern.run("providers", "add", "remote", "--type", "automatic1111", "--url", url);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("lectern: ").contains("plain http is only allowed to this computer")
                .contains("https://");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(file).doesNotExist();
        assertThat(config).doesNotExist();
    }

    static Stream<Arguments> badAdds() {
        return Stream.of(
                Arguments.of("bad id", new String[] {"--type", "openai"}, "provider id 'bad id' is not a valid id"),
                Arguments.of("../x", new String[] {"--type", "openai"}, "is not a valid id"),
                Arguments.of("titlecard", new String[] {"--type", "openai"}, "built-in offline generator"),
                Arguments.of("p", new String[] {"--type", "midjourney"}, "--type must be openai, automatic1111 or comfyui"),
                Arguments.of("p", new String[] {"--type", "openai", "--timeout", "0"}, "--timeout must be a positive number"),
                Arguments.of("p", new String[] {"--type", "openai", "--timeout", "-5"}, "--timeout must be a positive number"),
                Arguments.of("p", new String[] {"--type", "openai", "--timeout", "soon"}, "'soon' is not a long"),
                Arguments.of("p", new String[] {"--type", "openai", "--timeout", "9000"}, "between 1 second and 2 hours"),
                Arguments.of("p", new String[] {"--type", "openai", "--concurrency", "0"}, "--concurrency must be between 1 and 16"),
                Arguments.of("p", new String[] {"--type", "openai", "--concurrency", "17"}, "--concurrency must be between 1 and 16"),
                Arguments.of("p", new String[] {"--type", "openai", "--api-key-env", "OPENAI-KEY"}, "NAME of an environment variable"),
                Arguments.of("p", new String[] {"--type", "openai", "--model", " "}, "a model name is empty"),
                Arguments.of("p", new String[] {}, "Missing required option: '--type=TYPE'"),
                Arguments.of("existing", new String[] {"--type", "openai"}, "'existing' already exists; remove it first"));
    }

    @ParameterizedTest
    @MethodSource("badAdds")
    void badInputExitsTwoAndChangesNothing(String id, String[] options, String message) throws Exception {
        ok("providers", "add", "existing", "--type", "comfyui", "--url", "http://127.0.0.1:8188");
        String before = FileDigest.of(file);
        Object[] args = Stream.concat(Stream.of("providers", "add", id, "--url", "https://sd.example.com"), Stream.of(options))
                .toArray();
        CliRun run = lectern.run(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).as(run.toString()).startsWith("lectern: ").contains(message);
        assertThat(run.err().lines()).as("one line, no stack trace").hasSize(1);
        assertThat(run.out()).isEmpty();
        assertThat(FileDigest.of(file)).isEqualTo(before);
        try (var files = Files.list(config)) {
            assertThat(files).containsExactly(file);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sk-proj-abc123def456ghi789", "sk_live_51HqLyjWDarjtT1zdp7dc", "AbCdEf0123456789GhIjKlMn"})
    void aKeyGivenInPlaceOfAVariableNameIsRefusedWithoutRepeatingIt(String key) {
        CliRun run = lectern.run("providers", "add", "openai", "--type", "openai", "--url", "https://api.openai.com",
                "--api-key-env", key);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).startsWith("lectern: --api-key-env takes the NAME of an environment variable")
                .contains("not the key itself");
        assertThat(run.out() + run.err()).doesNotContain(key);
        assertThat(file).doesNotExist();
    }

    @Test
    void replaceOverwritesAnExistingProvider() throws Exception {
        ok("providers", "add", "sd", "--type", "automatic1111", "--url", "http://127.0.0.1:7860");
        ok("providers", "add", "sd", "--type", "comfyui", "--url", "http://127.0.0.1:8188", "--replace");
        JsonNode listed = json.readTree(ok("providers", "list", "--json").out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("type").asText()).isEqualTo("comfyui");
        assertThat(listed.get(0).path("baseUrl").asText()).isEqualTo("http://127.0.0.1:8188");
    }

    @Test
    void aBrokenConfigFileIsReportedAndLeftAlone() throws Exception {
        Files.createDirectories(config);
        Files.writeString(file, "{not json");
        for (Object[] args : new Object[][] {{"providers", "list"},
                {"providers", "add", "p", "--type", "openai", "--url", "https://x.example"}, {"providers", "remove", "p"}}) {
            CliRun run = lectern.run(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err()).startsWith("lectern: " + file).contains("is not valid JSON");
        }
        assertThat(Files.readString(file)).isEqualTo("{not json");
    }

    @Test
    void providersWithoutASubcommandIsBadUsage() {
        CliRun run = lectern.run("providers");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("lectern: ").contains("lectern providers --help");
        assertThat(lectern.run("providers", "--help").out()).contains("add").contains("list").contains("remove").contains("test");
    }
}
