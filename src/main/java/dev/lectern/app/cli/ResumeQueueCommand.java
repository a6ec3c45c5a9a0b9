package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFileException;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume-queue", description = "End a batch's pause; with --wait, drive its queued runs now.")
final class ResumeQueueCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "BATCH_ID", description = "The batch.")
    String batchId;

    @Option(names = "--wait", description = "Drive the queued runs; return when each awaits review, failed or was cancelled.")
    boolean await;

    private final BatchService batches;

    @Inject
    ResumeQueueCommand(ProjectAccess projectFiles, BatchService batches) {
        super(projectFiles);
        this.batches = batches;
    }

    @Override
    public Integer call() throws InterruptedException {
        try (Project project = open(Access.READ_WRITE)) {
            batches.resume(project, batchId);
            out().println(BatchJson.line(await ? batches.drive(project, batchId) : batches.find(project, batchId)));
        } catch (ProjectFileException e) {
            if (e.reason() != ProjectFileException.Reason.LOCKED) {
                throw e;
            }
            return askHolder(ControlWatcher.RESUME, batchId, e); // the holder drives them
        }
        return 0;
    }
}
