package dev.lectern.app.cli;

import dev.lectern.generation.SampleLecture;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", description = "Create a new project file.")
final class NewCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The project file to create (*.lectern).")
    Path file;

    @Option(names = "--title", paramLabel = "TITLE", description = "The project's title.")
    String title;

    @Option(names = "--sample", description = "Add the sample lecture, its starting images drawn offline.")
    boolean sample;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final SampleLecture sampleLecture;

    @Inject
    NewCommand(ProjectFiles projectFiles, SampleLecture sampleLecture) {
        this.projectFiles = projectFiles;
        this.sampleLecture = sampleLecture;
    }

    @Override
    public Integer call() {
        String projectTitle = title != null ? title : sample ? SampleLecture.TITLE : null;
        int segments;
        try (Project project = projectFiles.create(file, projectTitle, p -> {
            if (sample) {
                sampleLecture.addTo(p);
            }
        })) {
            segments = project.lectures().allSegments().size();
        }
        spec.commandLine().getOut().println("Created " + file + (sample ? " with the sample lecture (" + segments + " segments)" : ""));
        return 0;
    }
}
