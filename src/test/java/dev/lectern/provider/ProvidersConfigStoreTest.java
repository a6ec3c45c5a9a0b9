package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvidersConfigStoreTest {
    @TempDir
    Path dir;

    private final ProviderConfig openai = new ProviderConfig("openai", ProviderConfig.Type.OPENAI, "https://api.openai.com",
            "OPENAI_API_KEY", List.of("gpt-image-1"), Duration.ofSeconds(300), 2, null, null);
    private final ProviderConfig local = ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111,
            "http://127.0.0.1:7860", null, List.of()).withBasicAuth("me", "SD_PASSWORD");

    @Test
    void round_trips_and_stores_only_variable_names() throws Exception {
        UserDirectories dirs = new UserDirectories(Map.of("LECTERN_CONFIG_DIR", dir.resolve("cfg").toString()), k -> null);
        ProvidersConfigStore store = new ProvidersConfigStore(dirs);
        store.add(openai, false);
        store.add(local, false);

        ProvidersConfigStore reopened = new ProvidersConfigStore(dir.resolve("cfg").resolve("providers.json"));
        assertThat(reopened.list()).containsExactly(openai, local);
        assertThat(reopened.get("local-sd")).contains(local);
        String text = Files.readString(reopened.file());
        assertThat(text).contains("\"apiKeyEnv\" : \"OPENAI_API_KEY\"").contains("SD_PASSWORD")
                .doesNotContain("sk-").doesNotContain(WireFormat.SECRET);
        try (var files = Files.list(reopened.file().getParent())) {
            assertThat(files).as("no temp file left behind").containsExactly(reopened.file());
        }
    }

    @Test
    void adding_the_same_id_needs_replace_and_remove_reports_whether_it_existed() {
        ProvidersConfigStore store = new ProvidersConfigStore(dir.resolve("providers.json"));
        store.add(openai, false);
        assertThatThrownBy(() -> store.add(openai, false)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("already exists");
        store.add(openai.withTimeout(Duration.ofSeconds(60)), true);
        assertThat(store.get("openai").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(store.remove("openai")).isTrue();
        assertThat(store.remove("openai")).isFalse();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void a_broken_or_invalid_file_is_reported_not_overwritten() throws Exception {
        Path file = dir.resolve("providers.json");
        Files.writeString(file, "{\"providers\":[{\"id\":\"x\",\"type\":\"openai\",\"baseUrl\":\"http://10.0.0.1\"}]}");
        ProvidersConfigStore store = new ProvidersConfigStore(file);
        assertThatThrownBy(store::list).hasMessageContaining("plain http");
        Files.writeString(file, "{not json");
        assertThatThrownBy(store::list).hasMessageContaining("not valid JSON");
        assertThat(Files.readString(file)).isEqualTo("{not json");
    }
}
