package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFileException;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pause", description = {"Pause a batch: its queued runs stay queued, a running call finishes.",
        "The pause is kept in the file, so it holds across restarts and for every process; 'lectern resume-queue' ends it."})
final class PauseCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "BATCH_ID", description = "The batch, as printed by 'lectern batch'.")
    String batchId;

    private final BatchService batches;

    @Inject
    PauseCommand(ProjectAccess projectFiles, BatchService batches) {
        super(projectFiles);
        this.batches = batches;
    }

    @Override
    public Integer call() throws InterruptedException {
        try (Project project = open(Access.READ_WRITE)) {
            out().println(BatchJson.line(batches.pause(project, batchId)));
        } catch (ProjectFileException e) {
            if (e.reason() != ProjectFileException.Reason.LOCKED) {
                throw e;
            }
            return askHolder(ControlWatcher.PAUSE, batchId, e);
        }
        return 0;
    }
}
