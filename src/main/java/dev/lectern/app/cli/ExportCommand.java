package dev.lectern.app.cli;

import dev.lectern.storage.Access;
import dev.lectern.storage.LectureExporter;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Print a lecture as the web app's JSON record.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Parameters(index = "1", paramLabel = "LECTURE_ID", description = "The lecture to export.")
    String lectureId;

    @Option(names = "--images", paramLabel = "DIR", description = "Also write DIR/images/<startingImageId>.<ext>.")
    Path imagesDir;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final LectureExporter exporter;

    @Inject
    ExportCommand(ProjectFiles projectFiles, LectureExporter exporter) {
        this.projectFiles = projectFiles;
        this.exporter = exporter;
    }

    @Override
    public Integer call() {
        try (Project project = projectFiles.open(file.path, Access.READ_ONLY)) {
            String json = exporter.exportJson(project, lectureId);
            if (imagesDir != null) {
                exporter.exportImages(project, lectureId, imagesDir);
            }
            spec.commandLine().getOut().println(json);
        }
        return 0;
    }
}
