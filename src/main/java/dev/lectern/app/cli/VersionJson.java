package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.storage.JsonSupport;

/** One image version as {@code versions}, {@code restore} and {@code prune} print it with {@code --json}. */
final class VersionJson {
    private VersionJson() {
    }

    static ObjectNode of(VersionEntry entry) {
        ObjectNode o = of(entry.version());
        o.put("current", entry.current());
        o.put("status", entry.status().wireName());
        o.put("runId", entry.runId());
        o.put("candidate", entry.candidateIndex());
        return o;
    }

    static ObjectNode of(ImageVersion v) {
        ObjectNode o = JsonSupport.MAPPER.createObjectNode();
        o.put("startingImageId", v.imageKey());
        o.put("version", v.version());
        o.put("source", v.source().wireName());
        o.put("prompt", v.prompt());
        o.put("styledPrompt", v.styledPrompt());
        o.put("model", v.model());
        o.put("seed", v.seed());
        o.put("width", v.width());
        o.put("height", v.height());
        o.put("mediaType", v.mediaType());
        o.put("byteSize", v.byteSize());
        o.put("sha256", v.sha256());
        o.put("restoredFrom", v.restoredFrom());
        o.put("createdAt", v.createdAt().toString());
        return o;
    }
}
