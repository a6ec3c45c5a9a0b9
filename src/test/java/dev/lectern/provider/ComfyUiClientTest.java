package dev.lectern.provider;

import dev.lectern.testing.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ComfyUiClientTest extends ClientTestBase {
    private static final String ID = ComfyUiFormat.PROMPT_ID;

    private ProviderConfig config(List<String> models) {
        return ProviderConfig.of("comfy", ProviderConfig.Type.COMFYUI, baseUrl(), null, models);
    }

    private ImageRequest request(String model) {
        return new ImageRequest(model, "a cat", 512, 512, null, null);
    }

    @Test
    void an_execution_error_in_history_is_a_server_error_with_its_message() {
        server.enqueue(WireFormat.json(200, "{\"prompt_id\":\"" + ID + "\",\"number\":1,\"node_errors\":{}}"));
        server.enqueue(WireFormat.json(200, "{\"" + ID + "\":{\"outputs\":{},\"status\":{\"status_str\":\"error\",\"completed\":false,"
                + "\"messages\":[[\"execution_start\",{}],[\"execution_error\",{\"prompt_id\":\"" + ID + "\",\"node_id\":\"3\","
                + "\"node_type\":\"KSampler\",\"exception_message\":\"CUDA out of memory\",\"exception_type\":\"RuntimeError\"}]]}}}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config(List.of())).generate(request("sd15.safetensors"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(e.getMessage()).contains("KSampler: CUDA out of memory");
    }

    @Test
    void node_errors_from_prompt_are_an_invalid_request_naming_the_problem() {
        server.enqueue(WireFormat.json(400, "{\"error\":{\"type\":\"prompt_outputs_failed_validation\",\"message\":\"Prompt outputs "
                + "failed validation\",\"details\":\"\",\"extra_info\":{}},\"node_errors\":{\"4\":{\"errors\":[{\"type\":"
                + "\"value_not_in_list\",\"message\":\"Value not in list\",\"details\":\"ckpt_name: 'nope.safetensors' not in "
                + "['sd15.safetensors']\",\"extra_info\":{}}],\"dependent_outputs\":[\"9\"],\"class_type\":\"CheckpointLoaderSimple\"}}}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config(List.of())).generate(request("nope.safetensors"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("Prompt outputs failed validation")
                .contains("CheckpointLoaderSimple: Value not in list: ckpt_name: 'nope.safetensors'");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_blank_model_falls_back_to_the_first_configured_checkpoint_and_a_random_seed() throws Exception {
        new ComfyUiFormat().enqueueSuccess(server, TestImages.png(8, 8));

        GeneratedImage image = client(config(List.of("sd15.safetensors"))).generate(request(""), () -> false);

        JsonNode graph = OpenAiFormat.readJson(server.takeRequest(5, TimeUnit.SECONDS)).path("prompt");
        assertThat(graph.path("4").path("inputs").path("ckpt_name").asText()).isEqualTo("sd15.safetensors");
        assertThat(image.seed()).isEqualTo(graph.path("3").path("inputs").path("seed").asLong()).isNotNegative();
    }

    @Test
    void lists_checkpoints_in_old_and_new_object_info_shapes() throws Exception {
        server.enqueue(WireFormat.json(200, "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":{\"ckpt_name\":"
                + "[[\"a.safetensors\",\"b.ckpt\"],{\"tooltip\":\"x\"}]}},\"name\":\"CheckpointLoaderSimple\"}}"));
        server.enqueue(WireFormat.json(200, "{\"CheckpointLoaderSimple\":{\"input\":{\"required\":{\"ckpt_name\":"
                + "[\"COMBO\",{\"options\":[\"c.safetensors\"]}]}}}}"));

        assertThat(client(config(List.of())).listModels()).containsExactly("a.safetensors", "b.ckpt");
        assertThat(client(config(List.of())).listModels()).containsExactly("c.safetensors");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/object_info/CheckpointLoaderSimple");
    }
}
