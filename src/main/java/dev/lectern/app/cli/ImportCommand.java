package dev.lectern.app.cli;

import dev.lectern.storage.Access;
import dev.lectern.storage.LectureImporter;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", description = {"Import a lecture record of the web app.",
        "Images beside it as images/<startingImageId>.png|jpg become version 1; a lecture with the same id is replaced."})
final class ImportCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Parameters(index = "1", paramLabel = "LECTURE.json", description = "The lecture record.")
    Path record;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;
    private final LectureImporter importer;

    @Inject
    ImportCommand(ProjectFiles projectFiles, LectureImporter importer) {
        this.projectFiles = projectFiles;
        this.importer = importer;
    }

    @Override
    public Integer call() {
        try (Project project = projectFiles.open(file.path, Access.READ_WRITE)) {
            LectureImporter.Result r = importer.importFile(project, record);
            spec.commandLine().getOut().printf("%s lecture %s: %d segments, %d images%n",
                    r.replaced() ? "Replaced" : "Imported", r.lectureId(), r.segments(), r.imagesImported());
        }
        return 0;
    }
}
