package dev.lectern.app.cli;

import dev.lectern.generation.RunService;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "regenerate", description = {"Draw a new starting image for a segment and keep it for review.",
        "Runs until the preview is ready (awaiting_review) or the run fails; prints the run id.",
        "Model priority: --model, video.imageModel, image.model, the segment's model, titlecard."})
final class RegenerateCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "SEGMENT_ID", description = "The segment (LECTURE_ID/SEGMENT_ID if ambiguous).")
    String segment;

    @Option(names = "--prompt", paramLabel = "TEXT", description = "A new prompt (saved on accept).")
    String prompt;

    @Option(names = "--model", paramLabel = "REF", description = "PROVIDER_ID/MODEL or titlecard.")
    String model;

    @Option(names = "--candidates", paramLabel = "N", description = "How many images to draw, 1 to 8 (default: image.candidates, else 1).")
    Integer candidates;

    @Option(names = "--seed", paramLabel = "SEED", description = "The first image's seed (the others take the next numbers), for models that take one.")
    Long seed;

    @Option(names = "--json", description = "Print the run object.")
    boolean json;

    private final RunService runs;

    @Inject
    RegenerateCommand(ProjectAccess projectFiles, RunService runs) {
        super(projectFiles);
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        Run run;
        try (Project project = open(Access.READ_WRITE)) {
            run = runs.regenerate(project, segment, prompt, model, candidates, seed);
        }
        return RunOutput.print(spec, run, json, run.status() == RunStatus.AWAITING_REVIEW);
    }
}
