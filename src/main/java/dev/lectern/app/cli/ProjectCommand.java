package dev.lectern.app.cli;

import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command on a project file shares, once (picocli reads the annotated fields of a superclass): FILE as
 * the first parameter, the command's spec for its output streams, and the one way to open the file.
 */
abstract class ProjectCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;

    ProjectCommand(ProjectFiles projectFiles) {
        this.projectFiles = projectFiles;
    }

    Project open(Access access) {
        return projectFiles.open(file.path, access);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
