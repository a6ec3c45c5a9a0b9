package dev.lectern.app.cli;

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

@Command(name = "cancel", description = "Cancel a run; the segment keeps its starting image.")
final class CancelCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run.")
    String runId;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final RunService runs;

    @Inject
    CancelCommand(ProjectFiles projectFiles, RunService runs) {
        this.projectFiles = projectFiles;
        this.runs = runs;
    }

    @Override
    public Integer call() {
        Run run;
        try (Project project = projectFiles.open(file.path, Access.READ_WRITE)) {
            run = runs.cancel(project, runId);
        }
        spec.commandLine().getOut().println(run.id() + " " + run.status().wireName());
        return 0;
    }
}
