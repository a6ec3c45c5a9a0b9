package dev.lectern.app.cli;

import dev.lectern.lecture.Run;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** How the run commands answer: the run id (or the run object), and exit 1 with the run's error when it failed. */
final class RunOutput {
    private RunOutput() {
    }

    static int print(CommandSpec spec, Run run, boolean json, boolean succeeded) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? RunJson.pretty(RunJson.of(run)) : run.id());
        if (succeeded) {
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("lectern: run " + run.id() + " " + run.status().wireName() + ": "
                + (run.error() != null ? run.error() : run.messages().get(run.messages().size() - 1).text()));
        return CliErrors.FAILED;
    }
}
