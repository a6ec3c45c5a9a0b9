package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.storage.JsonSupport;

/** The run object the run commands print with {@code --json}. */
final class RunJson {
    private RunJson() {
    }

    static ObjectNode of(Run run) {
        ObjectNode o = JsonSupport.MAPPER.createObjectNode();
        o.put("runId", run.id());
        o.put("lectureId", run.lectureId());
        o.put("segmentId", run.segmentId());
        o.put("status", run.status().wireName());
        o.put("reviewOutcome", run.reviewOutcome() == null ? null : run.reviewOutcome().wireName());
        o.put("model", run.settings() == null ? run.requestedModel() : run.settings().model());
        o.put("modelSource", run.settings() == null ? null : run.settings().modelSource().description());
        o.put("prompt", run.settings() == null ? run.requestedPrompt() : run.settings().prompt());
        o.put("error", run.error());
        ArrayNode messages = o.putArray("messages");
        for (RunMessage m : run.messages()) {
            messages.addObject().put("at", m.at().toString()).put("text", m.text());
        }
        o.put("createdAt", run.createdAt().toString());
        o.put("updatedAt", run.updatedAt().toString());
        o.put("reviewExpiresAt", run.waitExpiresAt() == null ? null : run.waitExpiresAt().toString());
        PreviewImage p = run.preview();
        if (p == null) {
            o.putNull("preview");
        } else {
            o.putObject("preview").put("startingImageId", p.startingImageId()).put("version", p.version())
                    .put("sha256", p.sha256()).put("width", p.width()).put("height", p.height());
        }
        ArrayNode candidates = o.putArray("candidates");
        for (Candidate c : run.candidates()) {
            candidates.addObject().put("index", c.index()).put("version", c.version()).put("sha256", c.sha256())
                    .put("width", c.width()).put("height", c.height()).put("seed", c.seed()).put("discarded", c.discarded());
        }
        return o;
    }

    static String pretty(Object node) throws com.fasterxml.jackson.core.JsonProcessingException {
        return JsonSupport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
