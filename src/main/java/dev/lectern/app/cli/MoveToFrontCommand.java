package dev.lectern.app.cli;

import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "move-to-front", description = {"Put a queued run, or a batch's queued runs, ahead of every other run:",
        "they take the next free slots of their providers. Kept in the file, so it holds across restarts."})
final class MoveToFrontCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "RUN_OR_BATCH_ID", description = "A queued run, or a batch.")
    String id;

    private final QueueService queue;

    @Inject
    MoveToFrontCommand(ProjectAccess projectFiles, QueueService queue) {
        super(projectFiles);
        this.queue = queue;
    }

    @Override
    public Integer call() throws InterruptedException {
        return applyOrAskHolder(ControlWatcher.MOVE_TO_FRONT, id, project -> {
            out().println(ControlWatcher.movedText(id, queue.moveToFront(project, id)));
            return 0;
        });
    }
}
