package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.generation.VersionService;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "versions", description = {"List every version a segment's starting image has had, newest first.",
        "Status: current, accepted, rejected, discarded, imported, restored, awaiting_review."})
final class VersionsCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "SEGMENT_ID", description = "The segment (LECTURE_ID/SEGMENT_ID if ambiguous).")
    String segment;

    @Option(names = "--json", description = "Print {lectureId, segmentId, startingImageId, versions: [...]}.")
    boolean json;

    private final VersionService versions;

    @Inject
    VersionsCommand(ProjectAccess projectFiles, VersionService versions) {
        super(projectFiles);
        this.versions = versions;
    }

    @Override
    public Integer call() throws Exception {
        VersionService.History history;
        try (Project p = open(Access.READ_ONLY)) {
            history = versions.history(p, segment);
        }
        PrintWriter out = out();
        if (json) {
            ObjectNode o = JsonSupport.MAPPER.createObjectNode();
            o.put("lectureId", history.lectureId());
            o.put("segmentId", history.segmentId());
            o.put("startingImageId", history.imageKey());
            ArrayNode list = o.putArray("versions");
            history.versions().forEach(e -> list.add(VersionJson.of(e)));
            out.println(RunJson.pretty(o));
            return 0;
        }
        TextTable table = new TextTable("VERSION", "STATUS", "SOURCE", "MODEL", "SEED", "SIZE", "CREATED", "PROMPT");
        for (VersionEntry e : history.versions()) {
            ImageVersion v = e.version();
            table.row((e.current() ? "*" : "") + v.version(), e.status().wireName(), v.source().wireName()
                    + (v.restoredFrom() != null ? " v" + v.restoredFrom() : ""), v.model(), v.seed() == null ? null : v.seed().toString(),
                    v.width() + "×" + v.height(), v.createdAt().toString(), v.prompt());
        }
        table.print(out);
        return 0;
    }
}
