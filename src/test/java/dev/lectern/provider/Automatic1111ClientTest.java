package dev.lectern.provider;

import dev.lectern.testing.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class Automatic1111ClientTest extends ClientTestBase {
    private ProviderConfig config() {
        return ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111, baseUrl(), null, List.of());
    }

    @Test
    void without_a_seed_asks_for_a_random_one_and_reports_the_seed_from_info() throws Exception {
        String b64 = WireFormat.b64(TestImages.png(64, 64));
        server.enqueue(WireFormat.json(200, "{\"images\":[\"" + b64 + "\"],\"parameters\":{},"
                + "\"info\":\"{\\\"seed\\\": 3141592653, \\\"all_seeds\\\": [3141592653]}\"}"));

        GeneratedImage image = client(config()).generate(new ImageRequest("", "a cat", 64, 64, null, null), () -> false);

        assertThat(image.seed()).isEqualTo(3141592653L);
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(OpenAiFormat.readJson(r).path("seed").asLong()).isEqualTo(-1L);
        assertThat(OpenAiFormat.readJson(r).has("override_settings")).as("blank model keeps the loaded checkpoint").isFalse();
        assertThat(r.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void fastapi_validation_errors_are_invalid_requests_with_the_field() {
        server.enqueue(WireFormat.json(422, "{\"detail\":[{\"loc\":[\"body\",\"width\"],\"msg\":\"value is not a valid integer\","
                + "\"type\":\"type_error.integer\"}]}"));

        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> client(config()).generate(new ImageRequest("m", "a cat", 64, 64, null, null), () -> false));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(e.vendorMessage()).isEqualTo("width: value is not a valid integer");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a_cancel_interrupts_the_server() throws Exception {
        // A dispatcher sees requests as they arrive (takeRequest only after the delayed answer is done).
        BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                arrived.add(request.getMethod() + " " + request.getUrl().encodedPath());
                return request.getUrl().encodedPath().endsWith("txt2img")
                        ? new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build()
                        : WireFormat.json(200, "{}");
            }
        });
        // cancel once the generation is running on the server
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> client(config())
                .generate(new ImageRequest("m", "a cat", 64, 64, null, null), () -> !arrived.isEmpty()));

        assertThat(e.kind()).isEqualTo(ProviderException.Kind.CANCELLED);
        assertThat(arrived.poll(5, TimeUnit.SECONDS)).isEqualTo("POST /sdapi/v1/txt2img");
        assertThat(arrived.poll(5, TimeUnit.SECONDS)).isEqualTo("POST /sdapi/v1/interrupt");
    }

    @Test
    void lists_checkpoints_by_model_name() throws Exception {
        server.enqueue(WireFormat.json(200, "[{\"title\":\"dreamshaper_8.safetensors [879db523c3]\",\"model_name\":\"dreamshaper_8\","
                + "\"hash\":\"879db523c3\",\"filename\":\"/models/dreamshaper_8.safetensors\",\"config\":null},"
                + "{\"title\":\"only-a-title.ckpt\"}]"));

        assertThat(client(config()).listModels()).containsExactly("dreamshaper_8", "only-a-title.ckpt");
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/sdapi/v1/sd-models");
    }
}
