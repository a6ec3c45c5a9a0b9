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
        return generateBatch(request.single(), cancelled).get(0);
    }

    /**
     * {@code batch_size} images in one call; the server draws them with seeds seed, seed + 1, ... and says which
     * in {@code info.all_seeds}. A grid of the batch, which some settings put first, is skipped
     * ({@code info.index_of_first_image}) and not asked for ({@code do_not_save_grid}).
     */
    @Override
    public List<GeneratedImage> generateBatch(ImageRequest request, BooleanSupplier cancelled) throws ProviderException {
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("prompt", request.prompt());
        body.put("width", request.width());
        body.put("height", request.height());
        body.put("seed", request.seed() == null ? -1L : request.seed());
        body.put("steps", DEFAULT_STEPS);
        body.put("batch_size", request.count());
        body.put("n_iter", 1);
        if (request.count() > 1) {
            body.put("do_not_save_grid", true);
        }
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
        JsonNode info = info(answer.path("info"));
        int first = images.size() > request.count() ? Math.max(0, info.path("index_of_first_image").asInt(0)) : 0;
        if (!images.isArray() || images.size() <= first || !images.path(first).isTextual()) {
            throw ctx.badResponse(200, "answered without an image (images[] is empty)");
        }
        List<GeneratedImage> out = new ArrayList<>();
        for (int i = 0; i < request.count() && first + i < images.size(); i++) {
            Long seed = seedFrom(info, i);
            Long asked = request.seed() == null ? null : request.seed() + i;
            out.add(CheckedImages.fromBase64(ctx, images.path(first + i).asText(), seed != null ? seed : asked, request.model()));
        }
        return out;
    }

    /** {@code info} is a string holding JSON: {"seed": 123, "all_seeds": [123, 124], ...}; empty when unreadable. */
    private static JsonNode info(JsonNode info) {
        try {
            JsonNode parsed = info.isTextual() ? HttpCalls.JSON.readTree(info.asText()) : info;
            return parsed == null ? HttpCalls.JSON.createObjectNode() : parsed;
        } catch (Exception unreadable) {
            return HttpCalls.JSON.createObjectNode(); // the images are what matter; an unreadable info only loses the seeds
        }
    }

    /** The seed of the {@code i}-th image of the batch, if the server said. */
    private static Long seedFrom(JsonNode info, int i) {
        if (info.path("all_seeds").path(i).isIntegralNumber()) {
            return info.path("all_seeds").path(i).asLong();
        }
        if (info.path("seed").isIntegralNumber()) {
            return info.path("seed").asLong() + i;
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
