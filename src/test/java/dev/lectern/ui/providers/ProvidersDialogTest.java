package dev.lectern.ui.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.Keychain;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.SecretSources;
import dev.lectern.testing.FakeKeychain;
import dev.lectern.provider.UserDirectories;
import dev.lectern.testing.FxStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The providers dialog through the real injector, a temporary config directory and a mock image server. */
class ProvidersDialogTest {
    static final String KEY_ENV = "LECTERN_TEST_KEY";
    static final String KEY = "sk-test-SECRET-0123456789abcdef";

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private Injector injector;
    private FakeKeychain keychain;
    private ProvidersConfigStore store;
    private Dialog<Boolean> dialog;
    private MockWebServer server;

    @BeforeAll
    static void startFx() throws Exception {
        FxStart.withAtlantaFx();
    }

    @BeforeEach
    void setUp() throws Exception {
        withKeychain(FakeKeychain.empty());
        server = new MockWebServer();
        server.start();
    }

    private void withKeychain(FakeKeychain chosen) {
        keychain = chosen;
        UserDirectories dirs = new UserDirectories(Map.of("LECTERN_CONFIG_DIR", home.toString()), System::getProperty);
        injector = Guice.createInjector(Modules.override(new AppModule()).with(b -> {
            b.bind(UserDirectories.class).toInstance(dirs);
            b.bind(Keychain.class).toInstance(chosen);
            b.bind(SecretResolver.class).toInstance(new SecretSources(Map.of(KEY_ENV, KEY), chosen));
        }));
        store = injector.getInstance(ProvidersConfigStore.class);
    }

    @Test
    void aKeyTypedForTheKeychainGoesThereAndNowhereElse() throws Exception {
        open();
        type("id", "cloud");
        chooseType("openai");
        type("url", "https://api.openai.com");
        robot.clickOn("#keyFromKeychain");
        waitFor(() -> robot.lookup("#apiKey").query().isVisible() && !robot.lookup("#apiKeyEnv").query().isVisible());
        javafx.scene.control.PasswordField field = robot.lookup("#apiKey").queryAs(javafx.scene.control.PasswordField.class);
        robot.interact(() -> field.setText(KEY));
        robot.interact(() -> dev.lectern.testing.FxScreenshots.saveIfRequested(field.getScene(), "providers-keychain"));
        robot.clickOn("#addButton");
        waitFor(() -> table().getItems().stream().anyMatch(r -> r.id().equals("cloud")));
        assertThat(keychain.entries).containsEntry("cloud", KEY);
        assertThat(table().getItems().get(0).keySource()).isEqualTo("OS keychain (stored)");
        assertThat(java.nio.file.Files.readString(store.file())).doesNotContain(KEY).contains("apiKeyKeychain");
        assertThat(field.getText()).as("the typed key is not kept in the form").isEmpty();
    }

    @Test
    void withoutAKeychainItsChoiceIsOffAndTheHintSaysWhy() throws Exception {
        withKeychain(FakeKeychain.none());
        open();
        waitFor(() -> robot.lookup("#keyFromKeychain").query().isDisabled());
        assertThat(label("keychainNote")).contains("No OS keychain can be used here: no D-Bus session");
        robot.interact(() -> dev.lectern.testing.FxScreenshots.saveIfRequested(dialog.getDialogPane().getScene(), "providers-no-keychain"));
        assertThat(robot.lookup("#apiKeyEnv").query().isVisible()).isTrue();
    }

    @AfterEach
    void tearDown() {
        robot.interact(() -> {
            if (dialog != null && dialog.isShowing()) {
                dialog.close();
            }
        });
        server.close();
    }

    private void open() {
        robot.interact(() -> {
            dialog = injector.getInstance(ProvidersDialog.class).create(null);
            dialog.show();
        });
    }

    @SuppressWarnings("unchecked")
    private TableView<ProviderRow> table() {
        return robot.lookup("#providerTable").queryAs(TableView.class);
    }

    private void type(String id, String text) {
        TextField field = robot.lookup("#" + id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private void chooseType(String type) {
        @SuppressWarnings("unchecked")
        ComboBox<String> combo = robot.lookup("#type").queryAs(ComboBox.class);
        robot.interact(() -> combo.setValue(type));
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    private String label(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private void select(String id) throws Exception {
        waitFor(() -> table().getItems().stream().anyMatch(r -> r.id().equals(id)));
        robot.interact(() -> table().getSelectionModel().select(
                table().getItems().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()));
    }

    @Test
    void listsConfiguredProvidersWithTheKeyVariableNotTheKey() throws Exception {
        store.add(ProviderConfig.of("openai", ProviderConfig.Type.OPENAI, "https://api.openai.com", KEY_ENV, List.of()), false);
        store.add(ProviderConfig.of("cloud", ProviderConfig.Type.OPENAI, "https://example.com", "OTHER_KEY", List.of()), false);
        store.add(ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111, "http://127.0.0.1:7860", null, List.of()), false);
        open();
        waitFor(() -> table().getItems().size() == 3);
        assertThat(dialog.getHeight()).as("fits a laptop screen").isLessThan(720);
        ProviderRow openai = table().getItems().get(0);
        assertThat(List.of(openai.id(), openai.type(), openai.url(), openai.keySource()))
                .containsExactly("openai", "openai", "https://api.openai.com", KEY_ENV + " (set)");
        assertThat(table().getItems().get(1).keySource()).isEqualTo("OTHER_KEY (not set)");
        assertThat(table().getItems().get(2).keySource()).isEqualTo("no key");
        assertThat(label("keyHint")).contains("environment variable").contains("Keys never go into Lectern's files").contains("OS keychain");
    }

    @Test
    void addingALoopbackProviderListsItAndWritesProvidersJson() throws Exception {
        open();
        type("id", "local-sd");
        chooseType("automatic1111");
        type("url", "http://127.0.0.1:7860/");
        type("models", "sdxl, dreamshaper_8");
        type("timeout", "120");
        type("concurrency", "2");
        robot.clickOn("#id").type(KeyCode.ENTER); // Enter adds

        waitFor(() -> table().getItems().size() == 1);
        ProviderRow row = table().getItems().get(0);
        assertThat(row.id()).isEqualTo("local-sd");
        assertThat(row.url()).isEqualTo("http://127.0.0.1:7860");
        assertThat(table().getSelectionModel().getSelectedItem()).isSameAs(row);
        assertThat(robot.lookup("#id").queryAs(TextField.class).getText()).as("the form is cleared").isEmpty();

        ProviderConfig saved = new ProvidersConfigStore(home.resolve("providers.json")).get("local-sd").orElseThrow();
        assertThat(saved.type()).isEqualTo(ProviderConfig.Type.AUTOMATIC1111);
        assertThat(saved.models()).containsExactly("sdxl", "dreamshaper_8");
        assertThat(saved.timeout().toSeconds()).isEqualTo(120);
        assertThat(saved.concurrency()).isEqualTo(2);
        assertThat(dialog.getResultConverter().call(null)).as("the dialog reports a change").isTrue();
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedAndNothingIsWritten() throws Exception {
        open();
        type("id", "remote");
        chooseType("openai");
        type("url", "http://example.com");
        robot.interact(() -> robot.lookup("#addButton").queryAs(Button.class).fire());

        waitFor(() -> robot.lookup("#formError").queryAs(Label.class).isVisible());
        assertThat(label("formError")).contains("plain http is only allowed to this computer").contains("https://example.com");
        assertThat(Files.exists(home.resolve("providers.json"))).isFalse();
        assertThat(table().getItems()).isEmpty();
        assertThat(robot.lookup("#id").queryAs(TextField.class).getText()).as("the form keeps what was typed").isEqualTo("remote");
    }

    @Test
    void aKeyTypedInPlaceOfTheVariableNameIsRefusedWithoutRepeatingIt() throws Exception {
        open();
        type("id", "openai");
        chooseType("openai");
        type("url", "https://api.openai.com");
        type("apiKeyEnv", "sk-proj-abc123def456ghi789");
        type("timeout", "soon");
        robot.interact(() -> robot.lookup("#addButton").queryAs(Button.class).fire());
        assertThat(label("formError")).isEqualTo("Timeout must be a whole number, got 'soon'");

        type("timeout", "");
        robot.interact(() -> robot.lookup("#addButton").queryAs(Button.class).fire());
        waitFor(() -> label("formError").startsWith("API key variable takes the NAME"));
        assertThat(label("formError")).doesNotContain("sk-proj");
        assertThat(Files.exists(home.resolve("providers.json"))).isFalse();
    }

    @Test
    void testShowsReachableWithTheModelCount() throws Exception {
        store.add(ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of()), false);
        server.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/json"),
                "[{\"title\":\"sdxl.safetensors\",\"model_name\":\"sdxl\"}]"));
        open();
        select("local-sd");
        robot.clickOn("#testButton");

        waitFor(() -> label("testResult").startsWith("reachable"));
        assertThat(label("testResult")).isEqualTo("reachable — 1 model: sdxl");
        assertThat(server.takeRequest().getTarget()).isEqualTo("/sdapi/v1/sd-models");
    }

    @Test
    void aRejectedKeyShowsTheProvidersOneLineMessage() throws Exception {
        store.add(ProviderConfig.of("openai", ProviderConfig.Type.OPENAI, server.url("/").toString(), KEY_ENV, List.of()), false);
        server.enqueue(new MockResponse(401, Headers.of("Content-Type", "application/json"),
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":\"invalid_api_key\"}}"));
        open();
        select("openai");
        robot.clickOn("#testButton");

        waitFor(() -> label("testResult").contains("key was rejected"));
        assertThat(label("testResult")).contains("HTTP 401").contains(KEY_ENV).doesNotContain(KEY).doesNotContain("\n");
    }

    @Test
    void removeAsksFirstAndThenRemoves() throws Exception {
        store.add(ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111, "http://127.0.0.1:7860", null, List.of()), false);
        store.add(ProviderConfig.of("comfy", ProviderConfig.Type.COMFYUI, "http://127.0.0.1:8188", null, List.of()), false);
        open();
        select("local-sd");
        robot.clickOn("#removeButton");
        assertThat(robot.lookup("#removeConfirmation").query().isVisible()).isTrue();
        assertThat(label("removeQuestion")).startsWith("Remove local-sd?");

        robot.clickOn("#keepButton");
        assertThat(robot.lookup("#removeConfirmation").query().isVisible()).isFalse();
        assertThat(store.get("local-sd")).as("Keep keeps it").isPresent();

        robot.clickOn("#removeButton").clickOn("#confirmRemoveButton");
        waitFor(() -> table().getItems().size() == 1);
        assertThat(table().getItems().get(0).id()).isEqualTo("comfy");
        assertThat(store.get("local-sd")).isEmpty();
        assertThat(store.get("comfy")).isPresent();
    }
}
