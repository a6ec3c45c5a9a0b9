package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lectern.generation.BatchService;
import dev.lectern.lecture.Batch;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "batches", description = {"List the project's batches, newest first, with how their runs stand.",
        "--retry-failed queues a batch's failed runs again and drives them (they keep the images already received)."})
final class BatchesCommand extends ProjectCommand {
    @Option(names = "--retry-failed", paramLabel = "BATCH_ID", description = "Queue this batch's failed runs again and drive them.")
    String retry;

    @Option(names = "--json", description = "Print the batch objects.")
    boolean json;

    private final BatchService batches;

    @Inject
    BatchesCommand(ProjectAccess projectFiles, BatchService batches) {
        super(projectFiles);
        this.batches = batches;
    }

    @Override
    public Integer call() throws Exception {
        List<Batch> all;
        try (Project project = open(retry == null ? Access.READ_ONLY : Access.READ_WRITE)) {
            if (retry != null) {
                batches.retryFailed(project, retry);
                batches.drive(project, retry);
            }
            all = batches.list(project);
        }
        PrintWriter out = out();
        if (json) {
            ArrayNode array = JsonSupport.MAPPER.createArrayNode();
            all.forEach(b -> array.add(BatchJson.of(b, null)));
            out.println(RunJson.pretty(array));
        } else {
            all.forEach(b -> out.println(BatchJson.line(b)));
        }
        return 0;
    }
}
