package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The txt2img graph (ComfyUI "API format") filled in for one request. Rule for filling, by class_type:
 * <ul>
 * <li>{@code CheckpointLoaderSimple.inputs.ckpt_name} ← model</li>
 * <li>{@code EmptyLatentImage.inputs.width/height} ← size, {@code batch_size} ← 1</li>
 * <li>{@code KSampler.inputs.seed} ← seed</li>
 * <li>{@code CLIPTextEncode.inputs.text} equal to the placeholder {@code $PROMPT} ← prompt (the positive
 * encoder); other CLIPTextEncode nodes (the negative prompt) are left as written.</li>
 * </ul>
 */
final class ComfyUiGraph {
    static final String RESOURCE = "comfyui-txt2img.json";
    static final String PROMPT_PLACEHOLDER = "$PROMPT";

    private final ObjectNode template;

    ComfyUiGraph(ObjectNode template) {
        this.template = template;
    }

    static ComfyUiGraph standard() {
        try (InputStream in = ComfyUiGraph.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new ComfyUiGraph((ObjectNode) HttpCalls.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ObjectNode fill(String prompt, int width, int height, long seed, String checkpoint) {
        ObjectNode graph = template.deepCopy();
        boolean promptSet = false;
        Iterator<JsonNode> nodes = graph.elements();
        while (nodes.hasNext()) {
            JsonNode node = nodes.next();
            ObjectNode inputs = (ObjectNode) node.path("inputs");
            switch (node.path("class_type").asText()) {
                case "CheckpointLoaderSimple" -> inputs.put("ckpt_name", checkpoint);
                case "EmptyLatentImage" -> {
                    inputs.put("width", width);
                    inputs.put("height", height);
                    inputs.put("batch_size", 1);
                }
                case "KSampler" -> inputs.put("seed", seed);
                case "CLIPTextEncode" -> {
                    if (PROMPT_PLACEHOLDER.equals(inputs.path("text").asText())) {
                        inputs.put("text", prompt);
                        promptSet = true;
                    }
                }
                default -> {
                    // VAEDecode, SaveImage: wired by node references, nothing to fill
                }
            }
        }
        if (!promptSet) {
            throw new IllegalStateException("the ComfyUI graph has no CLIPTextEncode with text " + PROMPT_PLACEHOLDER);
        }
        return graph;
    }
}
