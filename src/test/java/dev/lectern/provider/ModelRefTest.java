package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.InvalidInputException;
import org.junit.jupiter.api.Test;

class ModelRefTest {
    @Test
    void splits_at_the_first_slash() {
        ModelRef ref = ModelRef.parse("comfy/sdxl/base_1.0.safetensors");
        assertThat(ref.providerId()).isEqualTo("comfy");
        assertThat(ref.model()).isEqualTo("sdxl/base_1.0.safetensors");
        assertThat(ref.isTitleCard()).isFalse();
        assertThat(ref).hasToString("comfy/sdxl/base_1.0.safetensors");
    }

    @Test
    void titlecard_needs_no_provider() {
        assertThat(ModelRef.parse(" titlecard ").isTitleCard()).isTrue();
        assertThat(ModelRef.parse("titlecard")).hasToString("titlecard");
    }

    @Test
    void refuses_what_cannot_name_a_model() {
        assertThatThrownBy(() -> ModelRef.parse("gpt-image-1")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PROVIDER/MODEL");
        assertThatThrownBy(() -> ModelRef.parse("openai/")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ModelRef.parse("../x/m")).hasMessageContaining("not a valid id");
        assertThatThrownBy(() -> ModelRef.parse("openai/a\u0000b")).hasMessageContaining("unprintable");
        assertThatThrownBy(() -> ModelRef.parse("openai/" + "m".repeat(201))).hasMessageContaining("200");
        assertThatThrownBy(() -> ModelRef.parse("  ")).hasMessageContaining("empty");
    }
}
