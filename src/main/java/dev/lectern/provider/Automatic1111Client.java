package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * AUTOMATIC1111 / Forge / SD.Next {@code POST /sdapi/v1/txt2img} (the server must run with {@code --api}).
 * The answer's {@code info} is a JSON document inside a string; it is parsed again to learn the seed used.
 */
public final class Automatic1111Client extends ServerClient {
    static final int DEFAULT_STEPS = 20;

    public Automatic1111Client(ProviderConfig config, OkHttpClient http, SecretResolver secrets, CallTuning tuning) {
        super(config, http, secrets, tuning, "Is it running with --api?");
    }

    @Override
    public GeneratedImage generate(ImageRequest request, BooleanSupplier cancelled) throws ProviderException {
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("prompt", request.prompt());
        body.put("width", request.width());
        body.put("height", request.height());
        body.put("seed", request.seed() == null ? -1L : request.seed());
        body.put("steps", DEFAULT_STEPS);
        body.put("batch_size", 1);
        body.put("n_iter", 1);
        if (!request.model().isBlank()) {
            body.putObject("override_settings").put("sd_model_checkpoint", request.model());
            // Keep the checkpoint loaded: restoring it after every image would reload gigabytes each time.
            body.put("override_settings_restore_afterwards", false);
        }
        Request post = request(url("sdapi/v1/txt2img").build()).post(HttpCalls.jsonBody(body)).build();
        JsonNode answer;
        try {
            answer = calls.json(post, deadline(), cancelled);
        } catch (ProviderException e) {
            if (stops(e)) {
                interrupt();
            }
            throw e;
        }
        JsonNode images = answer.path("images");
        if (!images.isArray() || images.isEmpty() || !images.path(0).isTextual()) {
            throw ctx.badResponse(200, "answered without an image (images[] is empty)");
        }
        Long seed = seedFrom(answer.path("info"));
        return CheckedImages.fromBase64(ctx, images.path(0).asText(), seed != null ? seed : request.seed(),
                request.model());
    }

    /** {@code info} is a string holding JSON: {"seed": 123, "all_seeds": [123], ...}. */
    private static Long seedFrom(JsonNode info) {
        try {
            JsonNode parsed = info.isTextual() ? HttpCalls.JSON.readTree(info.asText()) : info;
            if (parsed == null) {
                return null;
            }
            if (parsed.path("seed").isIntegralNumber()) {
                return parsed.path("seed").asLong();
            }
            if (parsed.path("all_seeds").path(0).isIntegralNumber()) {
                return parsed.path("all_seeds").path(0).asLong();
            }
        } catch (Exception unreadable) {
            // the image is what matters; an unreadable info only loses the seed
        }
        return null;
    }

    private void interrupt() {
        try {
            calls.bestEffort(request(url("sdapi/v1/interrupt").build())
                    .post(RequestBody.create(new byte[0], HttpCalls.JSON_TYPE)).build());
        } catch (ProviderException noCredentials) {
            // nothing was sent either
        }
    }

    @Override
    public List<String> listModels() throws ProviderException {
        JsonNode answer = calls.json(request(url("sdapi/v1/sd-models").build()).get().build(), deadline(), () -> false);
        List<String> names = new ArrayList<>();
        for (JsonNode m : answer) {
            String name = m.path("model_name").asText(m.path("title").asText(""));
            if (!name.isBlank()) {
                names.add(name);
            }
        }
        return names;
    }
}
