package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * OpenAI Images {@code POST /v1/images/generations}, also served offline by LocalAI, stable-diffusion.cpp's
 * sd-server and Ollama. GPT image models always answer {@code b64_json} and reject {@code response_format};
 * the others are asked for {@code b64_json} so the image does not expire behind a URL.
 */
public final class OpenAiImagesClient extends ServerClient {

    public OpenAiImagesClient(ProviderConfig config, OkHttpClient http, SecretResolver secrets, CallTuning tuning) {
        super(config, http, secrets, tuning, "Check the network connection and the provider's base URL.");
    }

    @Override
    public GeneratedImage generate(ImageRequest request, BooleanSupplier cancelled) throws ProviderException {
        return generateBatch(request.single(), cancelled).get(0);
    }

    /** {@code n} images in one call; dall-e-3 takes only n = 1, and a server that ignores {@code n} sends one. */
    @Override
    public List<GeneratedImage> generateBatch(ImageRequest request, BooleanSupplier cancelled) throws ProviderException {
        int n = request.model().equals("dall-e-3") ? 1 : request.count();
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        if (!request.model().isEmpty()) {
            body.put("model", request.model());
        }
        body.put("prompt", request.prompt());
        body.put("n", n);
        body.put("size", request.size());
        if (!request.model().startsWith("gpt-image")) {
            body.put("response_format", "b64_json");
        }
        Deadline deadline = deadline();
        Request post = request(api("images/generations").build()).post(HttpCalls.jsonBody(body)).build();
        JsonNode answer = calls.json(post, deadline, cancelled);
        JsonNode data = answer.path("data");
        if (!data.path(0).isObject()) {
            throw ctx.badResponse(200, "answered without an image (no data[0] in the response)");
        }
        List<GeneratedImage> images = new ArrayList<>();
        for (int i = 0; i < data.size() && images.size() < n; i++) {
            JsonNode item = data.path(i);
            if (item.path("b64_json").isTextual()) {
                images.add(CheckedImages.fromBase64(ctx, item.path("b64_json").asText(), null, request.model()));
            } else if (item.path("url").isTextual()) {
                images.add(fetch(item.path("url").asText(), request.model(), deadline, cancelled));
            } else {
                throw ctx.badResponse(200, "answered without an image (data[" + i + "] has neither b64_json nor url)");
            }
        }
        return images;
    }

    /** dall-e's URL form points at blob storage elsewhere: no Authorization header goes there. */
    private GeneratedImage fetch(String url, String model, Deadline deadline, BooleanSupplier cancelled)
            throws ProviderException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null || (!parsed.isHttps() && !ProviderConfig.isLoopback(parsed.host()))) {
            throw ctx.badResponse(200, "answered with an image URL that is not https");
        }
        Request get = new Request.Builder().url(parsed).get().build();
        RawResponse r = calls.send(get, HttpCalls.IMAGE_CAP, deadline, cancelled);
        return CheckedImages.fromBytes(ctx, r.body(), null, model);
    }

    @Override
    public List<String> listModels() throws ProviderException {
        JsonNode answer = calls.json(request(api("models").build()).get().build(), deadline(), () -> false);
        List<String> ids = new ArrayList<>();
        for (JsonNode m : answer.path("data")) {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").asText());
            }
        }
        return ids;
    }

    /** Tolerates a base URL configured with or without the trailing "/v1". */
    private HttpUrl.Builder api(String path) {
        return config.baseUrl().endsWith("/v1") ? url(path) : url("v1/" + path);
    }
}
