package dev.lectern.app.cli;

import dev.lectern.generation.RunService;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "resume", description = {"Finish runs a crash or a closed window left unfinished.",
        "Continues each from its first unfinished step (a stored image is never requested again),",
        "applies reviews that were answered, and expires reviews nobody answered in time."})
final class ResumeCommand extends ProjectCommand {
    private final RunService runs;

    @Inject
    ResumeCommand(ProjectAccess projectFiles, RunService runs) {
        super(projectFiles);
        this.runs = runs;
    }

    @Override
    public Integer call() {
        List<Run> touched;
        try (Project project = open(Access.READ_WRITE)) {
            touched = runs.resume(project);
        }
        PrintWriter out = out();
        touched.forEach(r -> out.println(r.id() + " " + r.status().wireName()));
        if (touched.isEmpty()) {
            out.println("Nothing to resume");
        }
        return 0;
    }
}
