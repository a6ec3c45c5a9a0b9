package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "resume-queue", description = "End the queue's pause, or a batch's; with --wait, drive the queued runs now.")
final class ResumeQueueCommand extends ProjectCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "BATCH_ID", description = "Only this batch.")
    String batchId;

    @Option(names = "--wait", description = "Drive the queued runs; return when each awaits review, failed or was cancelled.")
    boolean await;

    private final BatchService batches;
    private final QueueService queue;

    @Inject
    ResumeQueueCommand(ProjectAccess projectFiles, BatchService batches, QueueService queue) {
        super(projectFiles);
        this.batches = batches;
        this.queue = queue;
    }

    @Override
    public Integer call() throws InterruptedException {
        boolean wholeQueue = batchId == null;
        // held by another process, the holder drives them
        return applyOrAskHolder(wholeQueue ? ControlWatcher.RESUME_QUEUE : ControlWatcher.RESUME, wholeQueue ? ControlWatcher.QUEUE : batchId, project -> {
            if (wholeQueue) {
                queue.resume(project);
                if (await) {
                    queue.driveQueued(project);
                }
                out().println("queue resumed" + (await ? "" : "; 'lectern resume' or the window drives the queued runs"));
            } else {
                batches.resume(project, batchId);
                out().println(BatchJson.line(await ? batches.drive(project, batchId) : batches.find(project, batchId)));
            }
            return 0;
        });
    }
}
