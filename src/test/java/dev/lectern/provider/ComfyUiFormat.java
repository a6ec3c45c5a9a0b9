package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.Buffer;

public final class ComfyUiFormat implements WireFormat {
    static final String PROMPT_ID = "6f962d0e-40d9-45e8-b378-7247258cadde";

    @Override
    public ProviderConfig.Type type() {
        return ProviderConfig.Type.COMFYUI;
    }

    @Override
    public ProviderConfig config(String baseUrl) {
        // ComfyUI has no auth of its own; a reverse proxy in front of it may want a bearer token.
        return ProviderConfig.of("comfy", type(), baseUrl, KEY_ENV, List.of());
    }

    @Override
    public ImageRequest request() {
        return new ImageRequest("sd_xl_base_1.0.safetensors", "a lighthouse at dawn", 1024, 576, "16:9", 42L);
    }

    @Override
    public void enqueueSuccess(MockWebServer server, byte[] image) {
        server.enqueue(WireFormat.json(200, "{\"prompt_id\":\"" + PROMPT_ID + "\",\"number\":3,\"node_errors\":{}}"));
        server.enqueue(WireFormat.json(200, "{}")); // still queued
        server.enqueue(WireFormat.json(200, history()));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
                .body(new Buffer().write(image)).build());
    }

    static String history() {
        return "{\"" + PROMPT_ID + "\":{\"prompt\":[3,\"" + PROMPT_ID + "\",{},{},[\"9\"]],"
                + "\"outputs\":{\"9\":{\"images\":[{\"filename\":\"lectern_00001_.png\",\"subfolder\":\"\",\"type\":\"output\"}]}},"
                + "\"status\":{\"status_str\":\"success\",\"completed\":true,\"messages\":[[\"execution_start\",{\"prompt_id\":\""
                + PROMPT_ID + "\"}],[\"execution_success\",{\"prompt_id\":\"" + PROMPT_ID + "\"}]]},\"meta\":{}}}";
    }

    @Override
    public int successRequests() {
        return 4;
    }

    @Override
    public void assertSuccessRequests(MockWebServer server) throws InterruptedException {
        RecordedRequest post = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo("/prompt");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
        JsonNode body = OpenAiFormat.readJson(post);
        assertThat(body.path("client_id").asText()).isNotBlank();
        JsonNode graph = body.path("prompt");
        assertThat(graph.path("4").path("inputs").path("ckpt_name").asText()).isEqualTo("sd_xl_base_1.0.safetensors");
        assertThat(graph.path("5").path("inputs").path("width").asInt()).isEqualTo(1024);
        assertThat(graph.path("5").path("inputs").path("height").asInt()).isEqualTo(576);
        assertThat(graph.path("6").path("inputs").path("text").asText()).isEqualTo("a lighthouse at dawn");
        assertThat(graph.path("7").path("inputs").path("text").asText()).doesNotContain("lighthouse");
        assertThat(graph.path("3").path("inputs").path("seed").asLong()).isEqualTo(42L);
        for (int i = 0; i < 2; i++) {
            RecordedRequest poll = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(poll.getMethod()).isEqualTo("GET");
            assertThat(poll.getUrl().encodedPath()).isEqualTo("/history/" + PROMPT_ID);
        }
        RecordedRequest view = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(view.getUrl().encodedPath()).isEqualTo("/view");
        assertThat(view.getUrl().queryParameter("filename")).isEqualTo("lectern_00001_.png");
        assertThat(view.getUrl().queryParameter("subfolder")).isEqualTo("");
        assertThat(view.getUrl().queryParameter("type")).isEqualTo("output");
    }

    @Override
    public MockResponse contentPolicy() {
        return WireFormat.json(400, "{\"error\":{\"type\":\"content_policy_violation\",\"message\":\"Prompt rejected by the "
                + "moderation of the API node\",\"details\":\"\",\"extra_info\":{}},\"node_errors\":{}}");
    }

    @Override
    public MockResponse unauthorized() {
        return new MockResponse(401, Headers.of("Content-Type", "text/plain"), "401: Unauthorized");
    }

    @Override
    public String credentialEnv() {
        return KEY_ENV;
    }

    @Override
    public String toString() {
        return "ComfyUI";
    }
}
