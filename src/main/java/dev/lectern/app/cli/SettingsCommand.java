package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "settings", description = {"Show or set the project's settings.",
        "Keys: image.model, image.width, image.height, image.aspectRatio, image.style, image.candidates, video.imageModel,",
        "runs.archiveAfterDays (finished runs older than this are archived on opening; empty or 0: never).",
        "An empty value (KEY=) clears a key."})
final class SettingsCommand extends ProjectCommand {
    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Settings to change.")
    List<String> assignments = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;


    @Inject
    SettingsCommand(ProjectAccess projectFiles) {
        super(projectFiles);
    }

    @Override
    public Integer call() throws Exception {
        ProjectSettings settings;
        try (Project project = open(assignments.isEmpty() ? Access.READ_ONLY : Access.READ_WRITE)) {
            settings = project.settings().load();
            if (!assignments.isEmpty()) {
                // Every assignment is checked before anything is saved: one bad value changes nothing.
                for (String assignment : assignments) {
                    int eq = assignment.indexOf('=');
                    if (eq <= 0) {
                        throw new InvalidInputException("'" + assignment + "' is not KEY=VALUE");
                    }
                    settings = settings.with(assignment.substring(0, eq).strip(), assignment.substring(eq + 1));
                }
                project.settings().save(settings);
            }
        }
        print(settings, out());
        return 0;
    }

    private void print(ProjectSettings settings, PrintWriter out) throws Exception {
        if (json) {
            ObjectNode o = JsonSupport.MAPPER.createObjectNode();
            settings.asMap().forEach(o::put);
            out.println(JsonSupport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(o));
            return;
        }
        for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
            out.println(e.getKey() + " = " + (e.getValue() == null ? "(not set)" : e.getValue()));
        }
    }
}
