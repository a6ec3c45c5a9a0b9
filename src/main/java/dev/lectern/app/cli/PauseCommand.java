package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;

@Command(name = "pause", description = {"Pause the whole queue, or one batch: queued runs stay queued, a running call finishes.",
        "The pause is kept in the file, so it holds across restarts and for every process; 'lectern resume-queue' ends it."})
final class PauseCommand extends QueueOrBatchCommand {
    @Inject
    PauseCommand(ProjectAccess projectFiles, BatchService batches, QueueService queue) {
        super(projectFiles, batches, queue, ControlWatcher.PAUSE_QUEUE, ControlWatcher.PAUSE);
    }

    @Override
    int onQueue(Project project) {
        queue.pause(project);
        out().println("queue paused: no new call starts, a running one finishes; 'lectern resume-queue' ends the pause");
        return 0;
    }

    @Override
    int onBatch(Project project, String batchId) {
        out().println(BatchJson.line(batches.pause(project, batchId)));
        return 0;
    }
}
