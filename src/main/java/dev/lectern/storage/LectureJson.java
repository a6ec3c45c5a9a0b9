package dev.lectern.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The web app's lecture record, {@code {id, title, revision, updatedAt, content: {videos: [...], ...}}}, to and
 * from the domain. Reading names the exact field that is wrong; fields Lectern does not know are carried
 * through untouched so that export gives back what import took in.
 */
public final class LectureJson {
    public static final int MAX_SEGMENTS = 10_000;
    private static final Set<String> LECTURE_FIELDS = Set.of("id", "title", "revision", "updatedAt", "content");
    private static final Set<String> VIDEO_FIELDS = Set.of("id", "title", "videoPath", "startingImageId",
            "startingImageModel", "segmentStartImagePrompt", "startingImageUrl");

    private LectureJson() {
    }

    /** @param now used when the record has no {@code updatedAt} */
    public static Lecture read(JsonNode root, Instant now) {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("the lecture record must be a JSON object, found " + kind(root));
        }
        String id = requiredText(root, "id", "id");
        String title = optionalText(root, "title", "title");
        long revision = 0;
        if (present(root, "revision")) {
            JsonNode r = root.get("revision");
            if (!r.canConvertToLong() || !r.isIntegralNumber()) {
                throw wrongType("revision", "a whole number", r);
            }
            revision = r.asLong();
        }
        String updatedAt = present(root, "updatedAt") ? optionalText(root, "updatedAt", "updatedAt") : Timestamps.format(now);
        JsonNode content = root.get("content");
        if (content == null || !content.isObject()) {
            throw wrongType("content", "an object with a videos array", content);
        }
        JsonNode videosNode = content.get("videos");
        if (videosNode == null || !videosNode.isArray()) {
            throw wrongType("content.videos", "an array", videosNode);
        }
        if (videosNode.size() > MAX_SEGMENTS) {
            throw new InvalidInputException("content.videos has " + videosNode.size() + " segments; at most " + MAX_SEGMENTS + " are supported");
        }
        List<VideoAsset> videos = new ArrayList<>();
        for (int i = 0; i < videosNode.size(); i++) {
            videos.add(readVideo(videosNode.get(i), i, "content.videos[" + i + "]"));
        }
        Map<String, Object> otherContent = new LinkedHashMap<>();
        content.properties().forEach(e -> {
            if (!e.getKey().equals("videos")) {
                otherContent.put(e.getKey(), plain(e.getValue()));
            }
        });
        Map<String, Object> extra = new LinkedHashMap<>();
        root.properties().forEach(e -> {
            if (!LECTURE_FIELDS.contains(e.getKey())) {
                extra.put(e.getKey(), plain(e.getValue()));
            }
        });
        try {
            return new Lecture(id, title, revision, updatedAt, videos, otherContent, extra);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("lecture record: " + e.getMessage(), e);
        }
    }

    public static ObjectNode write(Lecture lecture) {
        ObjectNode root = JsonSupport.MAPPER.createObjectNode();
        root.put("id", lecture.id());
        if (lecture.title() != null) {
            root.put("title", lecture.title());
        }
        root.put("revision", lecture.revision());
        root.put("updatedAt", lecture.updatedAt());
        ObjectNode content = root.putObject("content");
        ArrayNode videos = content.putArray("videos");
        lecture.videos().forEach(v -> videos.add(writeVideo(v)));
        lecture.otherContent().forEach((k, v) -> content.set(k, JsonSupport.MAPPER.valueToTree(v)));
        lecture.extra().forEach((k, v) -> root.set(k, JsonSupport.MAPPER.valueToTree(v)));
        return root;
    }

    private static VideoAsset readVideo(JsonNode node, int position, String path) {
        if (node == null || !node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!VIDEO_FIELDS.contains(e.getKey())) {
                extra.put(e.getKey(), plain(e.getValue()));
            }
        });
        try {
            return new VideoAsset(
                    requiredText(node, "id", path + ".id"),
                    optionalText(node, "title", path + ".title"),
                    position,
                    optionalText(node, "videoPath", path + ".videoPath"),
                    optionalText(node, "startingImageId", path + ".startingImageId"),
                    optionalText(node, "startingImageModel", path + ".startingImageModel"),
                    optionalText(node, "segmentStartImagePrompt", path + ".segmentStartImagePrompt"),
                    optionalText(node, "startingImageUrl", path + ".startingImageUrl"),
                    null,
                    extra);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(path + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode writeVideo(VideoAsset v) {
        ObjectNode node = JsonSupport.MAPPER.createObjectNode();
        node.put("id", v.id());
        putIfSet(node, "title", v.title());
        putIfSet(node, "videoPath", v.videoPath());
        putIfSet(node, "startingImageId", v.startingImageId());
        putIfSet(node, "startingImageModel", v.startingImageModel());
        putIfSet(node, "segmentStartImagePrompt", v.segmentStartImagePrompt());
        putIfSet(node, "startingImageUrl", v.startingImageUrl());
        v.extra().forEach((k, value) -> node.set(k, JsonSupport.MAPPER.valueToTree(value)));
        return node;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static boolean present(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    private static String requiredText(JsonNode node, String field, String path) {
        if (!present(node, field)) {
            throw new InvalidInputException(path + " is missing");
        }
        return optionalText(node, field, path);
    }

    private static String optionalText(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(path, "a string", value);
        }
        return value.textValue();
    }

    private static InvalidInputException wrongType(String path, String expected, JsonNode found) {
        return new InvalidInputException(path + " must be " + expected + ", found " + kind(found));
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }

    private static Object plain(JsonNode node) {
        return JsonSupport.MAPPER.convertValue(node, Object.class);
    }
}
