package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Held by another process, the holder resumes and drives the queued runs. */
@Command(name = "resume-queue", description = "End the queue's pause, or a batch's; with --wait, drive the queued runs now.")
final class ResumeQueueCommand extends QueueOrBatchCommand {
    @Option(names = "--wait", description = "Drive the queued runs; return when each awaits review, failed or was cancelled.")
    boolean await;

    @Inject
    ResumeQueueCommand(ProjectAccess projectFiles, BatchService batches, QueueService queue) {
        super(projectFiles, batches, queue, ControlWatcher.RESUME_QUEUE, ControlWatcher.RESUME);
    }

    @Override
    int onQueue(Project project) {
        queue.resume(project);
        if (await) {
            queue.driveQueued(project);
        }
        out().println("queue resumed" + (await ? "" : "; 'lectern resume' or the window drives the queued runs"));
        return 0;
    }

    @Override
    int onBatch(Project project, String batchId) {
        batches.resume(project, batchId);
        out().println(BatchJson.line(await ? batches.drive(project, batchId) : batches.find(project, batchId)));
        return 0;
    }
}
