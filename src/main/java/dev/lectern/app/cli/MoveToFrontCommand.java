package dev.lectern.app.cli;

import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.QueueService;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFileException;
import jakarta.inject.Inject;
import java.util.List;
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
        try (Project project = open(Access.READ_WRITE)) {
            out().println(ControlWatcher.movedText(id, queue.moveToFront(project, id)));
        } catch (ProjectFileException e) {
            if (e.reason() != ProjectFileException.Reason.LOCKED) {
                throw e;
            }
            return askHolder(ControlWatcher.MOVE_TO_FRONT, id, e);
        }
        return 0;
    }
}
