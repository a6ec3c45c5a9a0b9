package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pause", description = {"Pause the whole queue, or one batch: queued runs stay queued, a running call finishes.",
        "The pause is kept in the file, so it holds across restarts and for every process; 'lectern resume-queue' ends it."})
final class PauseCommand extends ProjectCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "BATCH_ID", description = "Only this batch, as printed by 'lectern batch'.")
    String batchId;

    private final BatchService batches;
    private final QueueService queue;

    @Inject
    PauseCommand(ProjectAccess projectFiles, BatchService batches, QueueService queue) {
        super(projectFiles);
        this.batches = batches;
        this.queue = queue;
    }

    @Override
    public Integer call() throws InterruptedException {
        boolean wholeQueue = batchId == null;
        return applyOrAskHolder(wholeQueue ? ControlWatcher.PAUSE_QUEUE : ControlWatcher.PAUSE, wholeQueue ? ControlWatcher.QUEUE : batchId, project -> {
            if (wholeQueue) {
                queue.pause(project);
                out().println("queue paused: no new call starts, a running one finishes; 'lectern resume-queue' ends the pause");
            } else {
                out().println(BatchJson.line(batches.pause(project, batchId)));
            }
            return 0;
        });
    }
}
