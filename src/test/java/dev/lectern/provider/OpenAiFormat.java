package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

public class OpenAiFormat implements WireFormat {
    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ProviderConfig.Type type() {
        return ProviderConfig.Type.OPENAI;
    }

    @Override
    public ProviderConfig config(String baseUrl) {
        return ProviderConfig.of("openai-test", type(), baseUrl, KEY_ENV, List.of("gpt-image-1"));
    }

    @Override
    public ImageRequest request() {
        return new ImageRequest("gpt-image-1", "a lighthouse at dawn", 1536, 1024, null, null);
    }

    @Override
    public void enqueueSuccess(MockWebServer server, byte[] image) {
        server.enqueue(WireFormat.json(200, "{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + WireFormat.b64(image)
                + "\"}],\"usage\":{\"total_tokens\":100}}"));
    }

    /** One call: {@code data} holds one {@code b64_json} per image asked for with {@code n}. */
    @Override
    public void enqueueCandidates(MockWebServer server, List<byte[]> images) {
        StringBuilder data = new StringBuilder();
        for (byte[] image : images) {
            data.append(data.length() == 0 ? "" : ",").append("{\"b64_json\":\"").append(WireFormat.b64(image)).append("\"}");
        }
        server.enqueue(WireFormat.json(200, "{\"created\":1713833628,\"data\":[" + data + "],\"usage\":{\"total_tokens\":100}}"));
    }

    @Override
    public int successRequests() {
        return 1;
    }

    @Override
    public void assertSuccessRequests(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/images/generations");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
        JsonNode body = readJson(r);
        assertThat(body.path("model").asText()).isEqualTo("gpt-image-1");
        assertThat(body.path("prompt").asText()).isEqualTo("a lighthouse at dawn");
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("size").asText()).isEqualTo("1536x1024");
        assertThat(body.has("response_format")).as("GPT image models reject response_format").isFalse();
    }

    static JsonNode readJson(RecordedRequest r) {
        try {
            return JSON.readTree(r.getBody().utf8());
        } catch (Exception e) {
            throw new AssertionError("request body is not JSON", e);
        }
    }

    @Override
    public MockResponse contentPolicy() {
        return WireFormat.json(400, "{\"error\":{\"message\":\"Your request was rejected as a result of our safety system.\","
                + "\"type\":\"image_generation_user_error\",\"param\":null,\"code\":\"moderation_blocked\"}}");
    }

    @Override
    public MockResponse unauthorized() {
        return WireFormat.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET
                + ". You can find your API key at https://platform.openai.com/account/api-keys.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
    }

    @Override
    public String credentialEnv() {
        return KEY_ENV;
    }

    @Override
    public String toString() {
        return "OpenAI Images";
    }
}
