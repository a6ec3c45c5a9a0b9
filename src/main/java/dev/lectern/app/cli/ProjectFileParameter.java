package dev.lectern.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The project file every project command takes first; a picocli mixin so no command declares it again. */
final class ProjectFileParameter {
    @Parameters(index = "0", paramLabel = "FILE", description = "The project file.")
    Path path;
}
