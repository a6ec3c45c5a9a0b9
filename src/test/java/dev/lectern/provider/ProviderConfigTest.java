package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {
    private static ProviderConfig at(String url) {
        return ProviderConfig.of("p", ProviderConfig.Type.AUTOMATIC1111, url, null, List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://192.168.1.20:7860", "http://sd.example.com", "http://127.evil.com", "http://[::2]:80",
            "http://0.0.0.0:7860"})
    void plain_http_to_another_machine_is_refused(String url) {
        assertThatThrownBy(() -> at(url)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plain http is only allowed to this computer").hasMessageContaining("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:7860", "http://127.0.0.1:7860/", "http://127.1.2.3", "http://[::1]:8188",
            "https://sd.example.com/api", "HTTP://LOCALHOST:1"})
    void loopback_http_and_any_https_are_accepted(String url) {
        assertThat(at(url).baseUrl()).doesNotEndWith("/");
    }

    @Test
    void credentials_in_the_url_and_keys_in_place_of_variable_names_are_refused() {
        assertThatThrownBy(() -> at("https://user:pw@sd.example.com")).hasMessageContaining("basicAuthUser");
        assertThatThrownBy(() -> ProviderConfig.of("p", ProviderConfig.Type.OPENAI, "https://api.openai.com", "sk-abc123", List.of()))
                .hasMessageContaining("NAME of an environment variable");
        assertThatThrownBy(() -> at("ftp://localhost")).hasMessageContaining("must look like");
        assertThatThrownBy(() -> ProviderConfig.of("bad id", ProviderConfig.Type.OPENAI, "https://x", null, List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid id");
    }

    @Test
    void defaults_depend_on_the_kind_of_server() {
        assertThat(at("http://localhost").concurrency()).isEqualTo(1);
        assertThat(at("http://localhost").timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ProviderConfig.of("o", ProviderConfig.Type.OPENAI, "https://api.openai.com", "K", List.of()).concurrency())
                .isEqualTo(4);
    }

    @Test
    void basic_auth_needs_both_halves() {
        assertThatThrownBy(() -> at("http://localhost").withBasicAuth("me", null)).hasMessageContaining("both");
    }
}
