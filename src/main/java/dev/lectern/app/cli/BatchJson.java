package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.JsonSupport;
import java.util.List;

/** The batch object the batch commands print with {@code --json}: its state, counts and (when given) its runs. */
final class BatchJson {
    private BatchJson() {
    }

    static ObjectNode of(Batch b, List<Run> runs) {
        ObjectNode o = JsonSupport.MAPPER.createObjectNode();
        o.put("batchId", b.id());
        o.put("lectureId", b.lectureId());
        o.put("status", b.state());
        o.put("paused", b.paused());
        o.put("createdAt", b.createdAt().toString());
        o.put("total", b.total());
        ObjectNode counts = o.putObject("counts");
        for (RunStatus s : RunStatus.values()) {
            counts.put(s.wireName(), b.count(s));
        }
        if (runs != null) {
            ArrayNode array = o.putArray("runs");
            runs.forEach(r -> array.add(RunJson.of(r)));
        }
        return o;
    }

    /** One line for people: "b7k... running 3 awaiting review, 1 failed, 8 queued of 12". */
    static String line(Batch b) {
        StringBuilder s = new StringBuilder(b.id()).append(' ').append(b.state());
        for (RunStatus status : RunStatus.values()) {
            if (b.count(status) > 0) {
                s.append(", ").append(b.count(status)).append(' ').append(status.wireName().replace('_', ' '));
            }
        }
        return s.append(" (of ").append(b.total()).append(')').toString();
    }
}
