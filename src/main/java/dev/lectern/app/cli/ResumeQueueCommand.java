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
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "resume-queue", description = "End a batch's pause; with --wait, drive its queued runs now.")
final class ResumeQueueCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Parameters(index = "1", paramLabel = "BATCH_ID", description = "The batch.")
    String batchId;

    @Option(names = "--wait", description = "Drive the queued runs; return when each awaits review, failed or was cancelled.")
    boolean await;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final BatchService batches;

    @Inject
    ResumeQueueCommand(ProjectFiles projectFiles, BatchService batches) {
        this.projectFiles = projectFiles;
        this.batches = batches;
    }

    @Override
    public Integer call() {
        try (Project project = projectFiles.open(file.path, Access.READ_WRITE)) {
            batches.resume(project, batchId);
            spec.commandLine().getOut().println(BatchJson.line(await ? batches.drive(project, batchId) : batches.find(project, batchId)));
        }
        return 0;
    }
}
