package dev.lectern.provider;

import dev.lectern.testing.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class OpenAiImagesClientTest extends ClientTestBase {
    private ProviderConfig config(String keyEnv) {
        return ProviderConfig.of("openai", ProviderConfig.Type.OPENAI, baseUrl(), keyEnv, List.of());
    }

    private ImageRequest request(String model) {
        return new ImageRequest(model, "a lighthouse", 1024, 1024, null, null);
    }

    @Test
    void dall_e_models_are_asked_for_b64_json() throws Exception {
        new OpenAiFormat().enqueueSuccess(server, TestImages.png(16, 16));

        client(config(WireFormat.KEY_ENV)).generate(request("dall-e-3"), () -> false);

        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(OpenAiFormat.readJson(r).path("response_format").asText()).isEqualTo("b64_json");
        assertThat(OpenAiFormat.readJson(r).path("model").asText()).isEqualTo("dall-e-3");
    }

    @Test
    void a_url_answer_is_fetched_without_the_key() throws Exception {
        byte[] png = TestImages.png(20, 10);
        String imageUrl = server.url("/blob/img-1.png").toString();
        server.enqueue(WireFormat.json(200, "{\"created\":1,\"data\":[{\"url\":\"" + imageUrl + "\",\"revised_prompt\":\"x\"}]}"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").body(new Buffer().write(png)).build());

        GeneratedImage image = client(config(WireFormat.KEY_ENV)).generate(request("dall-e-2"), () -> false);

        assertThat(image.bytes()).isEqualTo(png);
        server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest fetch = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(fetch.getUrl().encodedPath()).isEqualTo("/blob/img-1.png");
        assertThat(fetch.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void no_key_configured_sends_no_authorization_header() throws Exception {
        new OpenAiFormat().enqueueSuccess(server, TestImages.png(16, 16));

        client(config(null)).generate(request("sd-turbo"), () -> false);

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void a_configured_but_unset_key_variable_fails_before_sending() {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config("LECTERN_UNSET_VARIABLE")).generate(request("gpt-image-1"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTH_REJECTED);
        assertThat(e.getMessage()).contains("LECTERN_UNSET_VARIABLE is not set");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sd_server_plain_string_error_is_an_invalid_request() {
        server.enqueue(WireFormat.json(400, "{\"error\":\"prompt required\"}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config(null)).generate(request("sd"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(e.vendorMessage()).isEqualTo("prompt required");
        assertThat(e.getMessage()).isEqualTo("openai refused the request (HTTP 400): prompt required. "
                + "Check the model name, image size and prompt.");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void insufficient_quota_is_not_retried() {
        server.enqueue(WireFormat.json(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan "
                + "and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config(WireFormat.KEY_ENV)).generate(request("gpt-image-1"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.QUOTA_EXCEEDED);
        assertThat(e.retryable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_403_is_forbidden_and_not_retried() {
        server.enqueue(WireFormat.json(403, "{\"error\":{\"message\":\"Your organization must be verified to use the model "
                + "`gpt-image-1`.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config(WireFormat.KEY_ENV)).generate(request("gpt-image-1"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("must be verified");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void base64_that_does_not_decode_is_not_an_image() {
        server.enqueue(WireFormat.json(200, "{\"data\":[{\"b64_json\":\"%%%not base64%%%\"}]}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config(null)).generate(request("gpt-image-1"), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_AN_IMAGE);
        assertThat(e.getMessage()).contains("does not decode");
    }

    @Test
    void lists_model_ids() throws Exception {
        server.enqueue(WireFormat.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-image-1\",\"object\":\"model\"},"
                + "{\"id\":\"dall-e-3\",\"object\":\"model\"}]}"));

        assertThat(client(config(WireFormat.KEY_ENV)).listModels()).containsExactly("gpt-image-1", "dall-e-3");
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + WireFormat.SECRET);
    }
}
