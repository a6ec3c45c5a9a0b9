package dev.lectern.testing;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.lectern.app.AppModule;
import dev.lectern.app.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process, with the real injector, and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
    private static final Injector INJECTOR = Guice.createInjector(new AppModule());

    public static CliRun of(Object... args) {
        String[] argv = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            argv[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = INJECTOR.getInstance(Cli.class).execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
