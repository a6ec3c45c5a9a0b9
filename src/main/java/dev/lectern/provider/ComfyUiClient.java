package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * ComfyUI: queue the txt2img graph with {@code POST /prompt}, poll {@code GET /history/{id}} ({@code {}} while
 * pending) until outputs appear, then fetch the bytes with {@code GET /view}. A cancel or timeout removes the
 * prompt from the queue and interrupts it, so the GPU is not left busy for nothing.
 */
public final class ComfyUiClient extends ServerClient {
    private static final long MAX_SEED = (1L << 48) - 1; // stays exact in the JavaScript of ComfyUI's own UI

    private final ComfyUiGraph graph;
    private final CallTuning tuning;

    public ComfyUiClient(ProviderConfig config, OkHttpClient http, SecretResolver secrets, CallTuning tuning) {
        super(config, http, secrets, tuning, "Is ComfyUI running, and listening on that address?");
        this.graph = ComfyUiGraph.standard();
        this.tuning = tuning;
    }

    @Override
    public GeneratedImage generate(ImageRequest request, BooleanSupplier cancelled) throws ProviderException {
        String checkpoint = request.model().isBlank() ? config.models().stream().findFirst().orElse("") : request.model();
        if (checkpoint.isBlank()) {
            throw new ProviderException(ProviderException.Kind.INVALID_REQUEST, 0, false, null,
                    config.id() + " needs a checkpoint name as the model, like " + config.id()
                            + "/sd_xl_base_1.0.safetensors.", null);
        }
        long seed = request.seed() != null ? request.seed() : tuning.random().nextLong() & MAX_SEED;
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.set("prompt", graph.fill(request.prompt(), request.width(), request.height(), seed, checkpoint));
        body.put("client_id", UUID.randomUUID().toString());

        Deadline deadline = deadline();
        JsonNode queued = calls.json(request(url("prompt").build()).post(HttpCalls.jsonBody(body)).build(),
                deadline, cancelled);
        String promptId = queued.path("prompt_id").asText("");
        if (promptId.isBlank()) {
            throw ctx.badResponse(200, "accepted the prompt but sent no prompt_id");
        }
        try {
            JsonNode image = awaitImage(promptId, deadline, cancelled);
            Request view = request(url("view")
                    .addQueryParameter("filename", image.path("filename").asText())
                    .addQueryParameter("subfolder", image.path("subfolder").asText(""))
                    .addQueryParameter("type", image.path("type").asText("output"))
                    .build()).get().build();
            RawResponse bytes = calls.send(view, HttpCalls.IMAGE_CAP, deadline, cancelled);
            return CheckedImages.fromBytes(ctx, bytes.body(), seed, checkpoint);
        } catch (ProviderException e) {
            if (stops(e)) {
                abandon(promptId);
            }
            throw e;
        }
    }

    /** Polls the history until the prompt has an output image; returns its {filename, subfolder, type}. */
    private JsonNode awaitImage(String promptId, Deadline deadline, BooleanSupplier cancelled) throws ProviderException {
        while (true) {
            JsonNode history = calls.json(request(url("history").addPathSegment(promptId).build()).get().build(),
                    deadline, cancelled);
            JsonNode entry = history.path(promptId);
            if (entry.isObject()) {
                JsonNode status = entry.path("status");
                if ("error".equals(status.path("status_str").asText())) {
                    String why = ctx.clean(executionError(status));
                    throw new ProviderException(ProviderException.Kind.SERVER_ERROR, 0, false, why,
                            config.id() + " failed while drawing the image" + (why == null ? "" : ": " + why)
                                    + ". Check the ComfyUI console.", null);
                }
                JsonNode image = firstOutputImage(entry.path("outputs"));
                if (image != null) {
                    return image;
                }
                if (status.path("completed").asBoolean(false)) {
                    throw ctx.badResponse(200, "finished the prompt without an output image");
                }
            }
            if (cancelled.getAsBoolean()) {
                throw ProviderException.cancelled();
            }
            java.time.Duration wait = calls.pollInterval().compareTo(deadline.remaining()) < 0
                    ? calls.pollInterval() : deadline.remaining();
            calls.pause(wait, cancelled);
        }
    }

    private static JsonNode firstOutputImage(JsonNode outputs) {
        JsonNode fallback = null;
        for (JsonNode node : outputs) {
            for (JsonNode image : node.path("images")) {
                if (image.path("filename").isTextual()) {
                    if ("output".equals(image.path("type").asText("output"))) {
                        return image;
                    }
                    fallback = fallback == null ? image : fallback;
                }
            }
        }
        return fallback;
    }

    /** status.messages is [[name, data], ...]; the execution_error entry says what broke. */
    private static String executionError(JsonNode status) {
        for (JsonNode message : status.path("messages")) {
            if ("execution_error".equals(message.path(0).asText())) {
                JsonNode data = message.path(1);
                String type = data.path("node_type").asText("");
                String text = data.path("exception_message").asText("");
                return (type.isEmpty() ? "" : type + ": ") + text;
            }
        }
        return null;
    }

    private void abandon(String promptId) {
        try {
            ObjectNode delete = HttpCalls.JSON.createObjectNode();
            delete.putArray("delete").add(promptId);
            calls.bestEffort(request(url("queue").build()).post(HttpCalls.jsonBody(delete)).build());
            ObjectNode interrupt = HttpCalls.JSON.createObjectNode().put("prompt_id", promptId);
            calls.bestEffort(request(url("interrupt").build()).post(HttpCalls.jsonBody(interrupt)).build());
        } catch (ProviderException noCredentials) {
            // nothing could be sent
        }
    }

    @Override
    public List<String> listModels() throws ProviderException {
        JsonNode info = calls.json(request(url("object_info/CheckpointLoaderSimple").build()).get().build(),
                deadline(), () -> false);
        JsonNode spec = info.path("CheckpointLoaderSimple").path("input").path("required").path("ckpt_name");
        JsonNode names = spec.path(0);
        if (!names.isArray()) {
            names = spec.path(1).path("options"); // newer servers: ["COMBO", {"options": [...]}]
        }
        List<String> result = new ArrayList<>();
        names.forEach(n -> result.add(n.asText()));
        return result;
    }
}
