package dev.lectern.app.cli;

import dev.lectern.storage.Access;
import dev.lectern.storage.LectureImporter;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = {"Import a lecture record of the web app.",
        "Images beside it as images/<startingImageId>.png|jpg become version 1; a lecture with the same id is replaced."})
final class ImportCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "LECTURE.json", description = "The lecture record.")
    Path record;

    private final LectureImporter importer;

    @Inject
    ImportCommand(ProjectAccess projectFiles, LectureImporter importer) {
        super(projectFiles);
        this.importer = importer;
    }

    @Override
    public Integer call() {
        try (Project project = open(Access.READ_WRITE)) {
            LectureImporter.Result r = importer.importFile(project, record);
            out().printf("%s lecture %s: %d segments, %d images%n",
                    r.replaced() ? "Replaced" : "Imported", r.lectureId(), r.segments(), r.imagesImported());
        }
        return 0;
    }
}
