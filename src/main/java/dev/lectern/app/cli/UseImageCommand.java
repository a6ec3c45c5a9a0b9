package dev.lectern.app.cli;

import dev.lectern.generation.RunService;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "use-image", description = {"Offer an image file of your own as a segment's next starting image.",
        "Checked like an import (a real PNG or JPEG, within the size and dimension limits), then waits for review",
        "as the one candidate of a run of model 'file': 'lectern review FILE RUN_ID --accept' makes it current."})
final class UseImageCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "SEGMENT_ID", description = "The segment.")
    String segment;

    @Parameters(index = "2", paramLabel = "PATH", description = "The image file.")
    Path image;

    @Option(names = "--json", description = "Print the run object.")
    boolean json;

    private final RunService runs;

    @Inject
    UseImageCommand(ProjectAccess projectFiles, RunService runs) {
        super(projectFiles);
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        Run run;
        try (Project p = open(Access.READ_WRITE)) {
            run = runs.useImage(p, segment, image);
        }
        return RunOutput.print(spec, run, json, true);
    }
}
