package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

public final class Automatic1111Format implements WireFormat {
    static final String USER = "author";

    @Override
    public ProviderConfig.Type type() {
        return ProviderConfig.Type.AUTOMATIC1111;
    }

    @Override
    public ProviderConfig config(String baseUrl) {
        return ProviderConfig.of("local-sd", type(), baseUrl, null, List.of()).withBasicAuth(USER, KEY_ENV);
    }

    @Override
    public ImageRequest request() {
        return new ImageRequest("dreamshaper_8", "a lighthouse at dawn", 768, 512, "3:2", 1234L);
    }

    @Override
    public void enqueueSuccess(MockWebServer server, byte[] image) {
        // info is a JSON document inside a string, as /sdapi/v1/txt2img sends it
        String info = "{\\\"prompt\\\": \\\"a lighthouse at dawn\\\", \\\"all_prompts\\\": [\\\"a lighthouse at dawn\\\"], "
                + "\\\"seed\\\": 1234, \\\"all_seeds\\\": [1234], \\\"width\\\": 768, \\\"height\\\": 512, "
                + "\\\"sd_model_name\\\": \\\"dreamshaper_8\\\"}";
        server.enqueue(WireFormat.json(200, "{\"images\":[\"" + WireFormat.b64(image) + "\"],"
                + "\"parameters\":{\"prompt\":\"a lighthouse at dawn\",\"seed\":1234},\"info\":\"" + info + "\"}"));
    }

    /** One txt2img call with {@code batch_size}: {@code images[]} and, in {@code info}, the seed of each. */
    @Override
    public void enqueueCandidates(MockWebServer server, List<byte[]> images) {
        StringBuilder b64 = new StringBuilder();
        StringBuilder seeds = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            b64.append(i == 0 ? "" : ",").append('"').append(WireFormat.b64(images.get(i))).append('"');
            seeds.append(i == 0 ? "" : ", ").append(1234 + i);
        }
        String info = "{\\\"seed\\\": 1234, \\\"all_seeds\\\": [" + seeds + "], \\\"width\\\": 768, \\\"height\\\": 512}";
        server.enqueue(WireFormat.json(200, "{\"images\":[" + b64 + "],\"parameters\":{\"seed\":1234},\"info\":\"" + info + "\"}"));
    }

    @Override
    public int successRequests() {
        return 1;
    }

    @Override
    public void assertSuccessRequests(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/sdapi/v1/txt2img");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        JsonNode body = OpenAiFormat.readJson(r);
        assertThat(body.path("prompt").asText()).isEqualTo("a lighthouse at dawn");
        assertThat(body.path("width").asInt()).isEqualTo(768);
        assertThat(body.path("height").asInt()).isEqualTo(512);
        assertThat(body.path("seed").asLong()).isEqualTo(1234L);
        assertThat(body.path("steps").asInt()).isEqualTo(20);
        assertThat(body.path("batch_size").asInt()).isEqualTo(1);
        assertThat(body.path("n_iter").asInt()).isEqualTo(1);
        assertThat(body.path("override_settings").path("sd_model_checkpoint").asText()).isEqualTo("dreamshaper_8");
    }

    @Override
    public MockResponse contentPolicy() {
        return WireFormat.json(400, "{\"error\":\"HTTPException\",\"detail\":\"Prompt blocked by the content policy (NSFW filter)\","
                + "\"body\":\"\",\"errors\":\"\"}");
    }

    @Override
    public MockResponse unauthorized() {
        return WireFormat.json(401, "{\"detail\":\"Incorrect username or password\"}");
    }

    @Override
    public String credentialEnv() {
        return KEY_ENV;
    }

    @Override
    public String toString() {
        return "AUTOMATIC1111";
    }
}
