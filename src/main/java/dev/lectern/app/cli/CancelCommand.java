package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.RunService;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "cancel", description = {"Cancel a run; the segment keeps its starting image.",
        "Given a batch id: its queued runs are cancelled, previews already made wait for review, running calls finish."})
final class CancelCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run, or a batch.")
    String runId;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final RunService runs;
    private final BatchService batches;

    @Inject
    CancelCommand(ProjectFiles projectFiles, RunService runs, BatchService batches) {
        this.projectFiles = projectFiles;
        this.runs = runs;
        this.batches = batches;
    }

    @Override
    public Integer call() {
        Run run;
        try (Project project = projectFiles.open(file.path, Access.READ_WRITE)) {
            if (project.batches().find(runId).isPresent()) {
                spec.commandLine().getOut().println(BatchJson.line(batches.cancel(project, runId)));
                return 0;
            }
            run = runs.cancel(project, runId);
        }
        spec.commandLine().getOut().println(run.id() + " " + run.status().wireName());
        return 0;
    }
}
