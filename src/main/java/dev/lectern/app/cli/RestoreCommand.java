package dev.lectern.app.cli;

import dev.lectern.generation.VersionService;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "restore", description = {"Make an earlier version of a segment's starting image current again.",
        "Adds a new version showing the same stored bytes (nothing is copied), and sets the segment's prompt and model from it."})
final class RestoreCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "SEGMENT_ID", description = "The segment.")
    String segment;

    @Parameters(index = "2", paramLabel = "VERSION", description = "The version to restore, as 'lectern versions' lists it.")
    int version;

    @Option(names = "--json", description = "Print the new version.")
    boolean json;

    private final VersionService versions;

    @Inject
    RestoreCommand(ProjectAccess projectFiles, VersionService versions) {
        super(projectFiles);
        this.versions = versions;
    }

    @Override
    public Integer call() throws Exception {
        ImageVersion restored;
        try (Project p = open(Access.READ_WRITE)) {
            restored = versions.restore(p, segment, version);
        }
        out().println(json ? RunJson.pretty(VersionJson.of(restored))
                : "restored version " + version + " as version " + restored.version());
        return 0;
    }
}
