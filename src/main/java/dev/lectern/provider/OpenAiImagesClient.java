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
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        if (!request.model().isEmpty()) {
            body.put("model", request.model());
        }
        body.put("prompt", request.prompt());
        body.put("n", 1);
        body.put("size", request.size());
        if (!request.model().startsWith("gpt-image")) {
            body.put("response_format", "b64_json");
        }
        Deadline deadline = deadline();
        Request post = request(api("images/generations").build()).post(HttpCalls.jsonBody(body)).build();
        JsonNode answer = calls.json(post, deadline, cancelled);
        JsonNode first = answer.path("data").path(0);
        if (!first.isObject()) {
            throw ctx.badResponse(200, "answered without an image (no data[0] in the response)");
        }
        if (first.path("b64_json").isTextual()) {
            return CheckedImages.fromBase64(ctx, first.path("b64_json").asText(), null, request.model());
        }
        if (first.path("url").isTextual()) {
            return fetch(first.path("url").asText(), request.model(), deadline, cancelled);
        }
        throw ctx.badResponse(200, "answered without an image (data[0] has neither b64_json nor url)");
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
