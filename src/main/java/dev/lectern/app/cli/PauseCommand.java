package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pause", description = {"Pause a batch: its queued runs stay queued, a running call finishes.",
        "The pause is kept in the file, so it holds across restarts and for every process; 'lectern resume-queue' ends it."})
final class PauseCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Parameters(index = "1", paramLabel = "BATCH_ID", description = "The batch, as printed by 'lectern batch'.")
    String batchId;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final BatchService batches;

    @Inject
    PauseCommand(ProjectFiles projectFiles, BatchService batches) {
        this.projectFiles = projectFiles;
        this.batches = batches;
    }

    @Override
    public Integer call() {
        try (Project project = projectFiles.open(file.path, Access.READ_WRITE)) {
            spec.commandLine().getOut().println(BatchJson.line(batches.pause(project, batchId)));
        }
        return 0;
    }
}
