package dev.lectern.app.cli;

import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFileException;
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

    private final ProjectAccess projects;

    ProjectCommand(ProjectAccess projects) {
        this.projects = projects;
    }

    /** Opens FILE; held for writing, it also applies other processes' control requests until closed. */
    Project open(Access access) {
        Project project = projects.files.open(file.path, access);
        if (access != Access.READ_ONLY && access != Access.CONTROL && !project.info().readOnly()) {
            project.onClose(projects.watcher.watch(project));
        }
        return project;
    }

    /** What a control command does with the project when this process can hold it for writing; returns the exit code. */
    @FunctionalInterface
    interface ControlWork {
        int run(Project project) throws InterruptedException;
    }

    /**
     * Does {@code work} on FILE held for writing; when another process holds it (the window, or a drawing command),
     * leaves that process the request {@code kind} of {@code target} instead and waits for its answer ({@link #askHolder}).
     */
    int applyOrAskHolder(String kind, String target, ControlWork work) throws InterruptedException {
        try (Project project = open(Access.READ_WRITE)) {
            return work.run(project);
        } catch (ProjectFileException e) {
            if (e.reason() != ProjectFileException.Reason.LOCKED) {
                throw e;
            }
            return askHolder(kind, target, e);
        }
    }

    /**
     * FILE is held by another process: leave it {@code kind} of {@code target} as a control request and wait up to
     * {@link #ANSWER_WAIT_MS} for the holder's answer (decision 0020). Exit 0 when applied or recorded, 2 when refused.
     */
    private int askHolder(String kind, String target, ProjectFileException held) throws InterruptedException {
        long id;
        try (Project project = open(Access.CONTROL)) {
            id = project.controlRequests().request(kind, target, "process " + ProcessHandle.current().pid(), projects.clock.instant());
            long until = System.nanoTime() + ANSWER_WAIT_MS * 1_000_000;
            while (System.nanoTime() < until) {
                var request = project.controlRequests().find(id).orElseThrow();
                if (request.applied()) {
                    out().println(request.outcome());
                    return request.outcome().startsWith("refused") || request.outcome().startsWith("ignored") ? CliErrors.BAD_INPUT : 0;
                }
                Thread.sleep(50);
            }
        }
        out().println(kind + " " + target + " recorded: " + held.getMessage() + "; it applies requests while it has the project "
                + "open for writing, and whoever opens it next for writing applies it");
        return 0;
    }

    static final long ANSWER_WAIT_MS = 3_000;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
