package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.generation.RunService;
import dev.lectern.lecture.Run;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", description = {"Cancel a run; the segment keeps its starting image.",
        "Given a batch id: its queued runs are cancelled, previews already made wait for review, running calls finish.",
        "When another Lectern holds the project (the window, a regenerate still drawing), it is asked to cancel and answers within a second."})
final class CancelCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run, or a batch.")
    String runId;

    private final RunService runs;
    private final BatchService batches;

    @Inject
    CancelCommand(ProjectAccess projectFiles, RunService runs, BatchService batches) {
        super(projectFiles);
        this.runs = runs;
        this.batches = batches;
    }

    @Override
    public Integer call() throws InterruptedException {
        return applyOrAskHolder(ControlWatcher.CANCEL, runId, project -> {
            if (project.batches().find(runId).isPresent()) {
                out().println(BatchJson.line(batches.cancel(project, runId)));
            } else {
                Run run = runs.cancel(project, runId);
                out().println(run.id() + " " + run.status().wireName());
            }
            return 0;
        });
    }
}
