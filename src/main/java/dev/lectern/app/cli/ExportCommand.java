package dev.lectern.app.cli;

import dev.lectern.storage.Access;
import dev.lectern.storage.LectureExporter;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = "Print a lecture as the web app's JSON record.")
final class ExportCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "LECTURE_ID", description = "The lecture to export.")
    String lectureId;

    @Option(names = "--images", paramLabel = "DIR", description = "Also write DIR/images/<startingImageId>.<ext>.")
    Path imagesDir;

    private final LectureExporter exporter;

    @Inject
    ExportCommand(ProjectAccess projectFiles, LectureExporter exporter) {
        super(projectFiles);
        this.exporter = exporter;
    }

    @Override
    public Integer call() {
        try (Project project = open(Access.READ_ONLY)) {
            String json = exporter.exportJson(project, lectureId);
            if (imagesDir != null) {
                exporter.exportImages(project, lectureId, imagesDir);
            }
            out().println(json);
        }
        return 0;
    }
}
