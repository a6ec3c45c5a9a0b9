package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The useful part of an error body, whatever the envelope: OpenAI {@code {"error":{"message","type","code"}}},
 * sd-server {@code {"error":"prompt required"}}, FastAPI / A1111 {@code {"detail":...}} or
 * {@code {"error","detail","body","errors"}}, ComfyUI {@code {"error":{"type","message","details"},"node_errors"}},
 * or plain text from a proxy.
 */
record VendorError(String message, String code, String type) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static VendorError parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new VendorError(null, null, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception notJson) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            if (text.startsWith("<")) {
                text = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
            }
            return new VendorError(text.isEmpty() ? null : text, null, null);
        }
        String message = null;
        String code = null;
        String type = null;
        JsonNode error = root.path("error");
        if (error.isObject()) {
            message = text(error.path("message"));
            code = text(error.path("code"));
            type = text(error.path("type"));
            String details = text(error.path("details"));
            if (details != null && !details.isBlank()) {
                message = join(message, details);
            }
        } else if (error.isTextual()) {
            message = error.asText();
        }
        JsonNode detail = root.path("detail");
        if (!detail.isMissingNode() && !detail.isNull()) {
            String d = detailText(detail);
            // A1111 puts the exception class in "error" and the useful sentence in "detail".
            if (d != null) {
                if (message != null && error.isTextual()) {
                    type = message;
                }
                message = error.isObject() ? join(message, d) : d;
            }
        }
        if (root.has("errors") && message == null) {
            message = text(root.path("errors"));
        }
        message = join(message, nodeErrors(root.path("node_errors")));
        if (message == null) {
            message = text(root.path("message"));
        }
        return new VendorError(message, code, type);
    }

    private static String detailText(JsonNode detail) {
        if (detail.isTextual()) {
            return detail.asText();
        }
        if (detail.isArray()) {
            // FastAPI validation errors: [{"loc":["body","width"],"msg":"...","type":"..."}]
            List<String> parts = new ArrayList<>();
            for (JsonNode d : detail) {
                String msg = text(d.path("msg"));
                JsonNode loc = d.path("loc");
                String where = loc.isArray() && loc.size() > 0 ? loc.get(loc.size() - 1).asText() + ": " : "";
                parts.add(where + (msg == null ? d.toString() : msg));
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
        return detail.toString();
    }

    private static String nodeErrors(JsonNode nodeErrors) {
        if (!nodeErrors.isObject() || nodeErrors.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Iterator<JsonNode> it = nodeErrors.elements();
        while (it.hasNext() && parts.size() < 3) {
            JsonNode node = it.next();
            String cls = text(node.path("class_type"));
            for (JsonNode e : node.path("errors")) {
                String m = join(text(e.path("message")), text(e.path("details")));
                parts.add((cls == null ? "" : cls + ": ") + m);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String join(String a, String b) {
        if (b == null || b.isBlank()) {
            return a;
        }
        if (a == null || a.isBlank()) {
            return b;
        }
        return a + ": " + b;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        String s = n.isValueNode() ? n.asText() : n.toString();
        return s.isBlank() ? null : s;
    }
}
