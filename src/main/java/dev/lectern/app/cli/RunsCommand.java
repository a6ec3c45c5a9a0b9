package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lectern.generation.RunService;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", description = {"List the project's regeneration runs, newest first.",
        "Archived runs ('lectern archive-runs') are left out; --archived lists only them."})
final class RunsCommand extends ProjectCommand {
    @Option(names = "--limit", paramLabel = "N", description = "At most N runs (default ${DEFAULT-VALUE}).", defaultValue = "100")
    int limit;

    @Option(names = "--before", paramLabel = "RUN_ID", description = "Only runs older than this one: the next page after it.")
    String before;

    @Option(names = "--status", paramLabel = "S", description = "Only runs in this status: queued, running, awaiting_review, succeeded, failed, cancelled, expired.")
    String status;

    @Option(names = "--archived", description = "Only the archived runs.")
    boolean archived;

    @Option(names = "--json", description = "Print the run objects.")
    boolean json;

    private final RunService runs;

    @Inject
    RunsCommand(ProjectAccess projectFiles, RunService runs) {
        super(projectFiles);
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        List<Run> all;
        try (Project project = open(Access.READ_ONLY)) {
            all = runs.page(project, limit, before, status, archived);
        }
        PrintWriter out = out();
        if (json) {
            ArrayNode array = JsonSupport.MAPPER.createArrayNode();
            all.forEach(r -> array.add(RunJson.of(r)));
            out.println(RunJson.pretty(array));
            return 0;
        }
        TextTable table = new TextTable("RUN", "SEGMENT", "STATUS", "OUTCOME", "MODEL", "PREVIEW", "UPDATED", "LAST MESSAGE");
        for (Run r : all) {
            table.row(r.id(), r.segmentId(), r.status().wireName(), r.reviewOutcome() == null ? null : r.reviewOutcome().wireName(),
                    r.settings() == null ? r.requestedModel() : r.settings().model(),
                    r.preview() == null ? null : "v" + r.preview().version(), r.updatedAt().toString(),
                    r.messages().isEmpty() ? null : r.messages().get(r.messages().size() - 1).text());
        }
        table.print(out);
        return 0;
    }
}
