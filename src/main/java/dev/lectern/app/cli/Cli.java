package dev.lectern.app.cli;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The command line: the same services the window uses, driven by picocli. */
public final class Cli {
    private final Injector injector;

    @Inject
    public Cli(Injector injector) {
        this.injector = injector;
    }

    public int execute(String[] args, PrintWriter out, PrintWriter err) {
        CliErrors errors = new CliErrors();
        CommandLine cmd = new CommandLine(LecternCommand.class, new GuiceFactory(injector))
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true);
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
