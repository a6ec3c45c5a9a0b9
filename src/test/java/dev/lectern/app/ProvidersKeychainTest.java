package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FakeKeychain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API keys in the OS keychain (issue 18, decision 0025), through the real command line with a keychain in memory: the
 * key is read from stdin, stored under the provider's id, sent to the server, never written to providers.json or
 * printed; without a keychain the command says so and offers the variable. And HTTP Basic from one variable.
 */
class ProvidersKeychainTest {
    static final String KEY = "sk-proj-KEYCHAIN-ONLY-7d1e2f3a4b5c";

    @TempDir
    Path dir;
    Path file;
    MockWebServer server;
    final FakeKeychain keychain = FakeKeychain.empty();
    final ObjectMapper json = new ObjectMapper();
    CliRun.Env lectern;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        file = dir.resolve("config/providers.json");
        lectern = CliRun.in(dir.resolve("config")).with(keychain);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private String url() {
        return server.url("/").toString();
    }

    @Test
    void theKeyGoesFromStdinToTheKeychainAndToTheServerButNeverToTheFileOrTheTerminal() throws Exception {
        CliRun added = lectern.typing(KEY + "\n").run("providers", "add", "oa", "--type", "openai", "--url", url(), "--api-key-keychain");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("Its key is in the OS keychain (service Lectern, account oa)");
        assertThat(keychain.entries).containsEntry("oa", KEY);
        String stored = Files.readString(file);
        assertThat(stored).doesNotContain(KEY).contains("\"apiKeyKeychain\" : true");

        CliRun listed = lectern.run("providers", "list");
        assertThat(listed.out()).contains("keychain (stored)").doesNotContain(KEY);
        JsonNode asJson = json.readTree(lectern.run("providers", "list", "--json").out());
        assertThat(asJson.get(0).get("keyFrom").asText()).isEqualTo("keychain (stored)");
        assertThat(asJson.get(0).get("apiKeyKeychain").asBoolean()).isTrue();

        server.enqueue(ProvidersTestCommandTest.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-image-1\",\"object\":\"model\"}]}"));
        CliRun tested = lectern.run("providers", "test", "oa");
        assertThat(tested.exitCode()).as(tested.toString()).isZero();
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getHeaders().get("Authorization")).as("the key from the keychain").isEqualTo("Bearer " + KEY);
        for (CliRun run : new CliRun[] {added, listed, tested}) {
            assertThat(run.out() + run.err()).doesNotContain(KEY);
        }

        CliRun removed = lectern.run("providers", "remove", "oa");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(keychain.entries).as("removing the provider removes its key").isEmpty();
    }

    @Test
    void withoutAKeychainTheAddIsRefusedOfferingTheVariableAndNothingIsWritten() {
        CliRun run = CliRun.in(dir.resolve("config")).with(FakeKeychain.none()).typing(KEY)
                .run("providers", "add", "oa", "--type", "openai", "--url", "https://api.openai.com", "--api-key-keychain");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no OS keychain is available here").contains("--api-key-env VAR").doesNotContain(KEY);
        assertThat(file).doesNotExist();
    }

    @Test
    void noKeyOnStdinOrBothSourcesAreRefusedAndTheKeychainStaysEmpty() {
        CliRun empty = lectern.typing("").run("providers", "add", "oa", "--type", "openai", "--url", url(), "--api-key-keychain");
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no key was given on stdin for --api-key-keychain");
        CliRun both = lectern.typing(KEY).run("providers", "add", "oa", "--type", "openai", "--url", url(), "--api-key-keychain",
                "--api-key-env", "OPENAI_API_KEY");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("either in the OS keychain or in an environment variable");
        assertThat(keychain.entries).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void movingTheKeyToAVariableDropsTheKeychainEntryAndAMissingEntryIsNamed() {
        assertThat(lectern.typing(KEY).run("providers", "add", "oa", "--type", "openai", "--url", url(), "--api-key-keychain")
                .exitCode()).isZero();
        keychain.entries.clear(); // someone removed it in the OS's keychain app
        CliRun tested = lectern.run("providers", "test", "oa");
        assertThat(tested.exitCode()).isEqualTo(1);
        assertThat(tested.err()).contains("the OS keychain holds no key for it");
        assertThat(lectern.run("providers", "list").out()).contains("keychain (no key stored)");

        keychain.entries.put("oa", KEY);
        CliRun replaced = lectern.run("providers", "add", "oa", "--type", "openai", "--url", url(), "--api-key-env", "OPENAI_API_KEY",
                "--replace");
        assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
        assertThat(keychain.entries).as("the key now lives in the variable; the old entry goes").isEmpty();
    }

    @Test
    void httpBasicFromOneVariableHoldingUserAndPassword() throws Exception {
        CliRun.Env env = lectern.with("SD_LOGIN", "alice:s3cret-pass");
        CliRun added = env.run("providers", "add", "sd", "--type", "automatic1111", "--url", url(), "--basic-auth-env", "SD_LOGIN");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(Files.readString(file)).contains("\"basicAuthEnv\" : \"SD_LOGIN\"").doesNotContain("s3cret");
        assertThat(env.run("providers", "list").out()).contains("basic user:password, env SD_LOGIN");

        server.enqueue(ProvidersTestCommandTest.json(200, "[{\"title\":\"dreamshaper_8.safetensors\",\"model_name\":\"dreamshaper_8\"}]"));
        CliRun tested = env.run("providers", "test", "sd");
        assertThat(tested.exitCode()).as(tested.toString()).isZero();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("alice:s3cret-pass".getBytes(StandardCharsets.UTF_8)));

        CliRun badValue = lectern.with("SD_LOGIN", "only-a-password").run("providers", "test", "sd");
        assertThat(badValue.exitCode()).isEqualTo(1);
        assertThat(badValue.err()).contains("must hold user:password").doesNotContain("only-a-password");
    }
}
