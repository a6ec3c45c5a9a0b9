package dev.lectern;

import com.google.inject.Guice;
import dev.lectern.app.AppModule;
import dev.lectern.app.cli.Cli;
import dev.lectern.ui.LecternApplication;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The entry point, above every layer: with a command it runs the command line; with nothing (or just a
 * project file) it opens the window. A plain class, not an {@code Application}, so the jar starts with
 * JavaFX on the class path.
 */
public final class Lectern {
    private Lectern() {
    }

    public static void main(String[] args) {
        // Guice generates classes at run time (ASM) for method interception, which Lectern does not use, and for
        // marginally faster constructor calls; without them start-up defines no classes and compiles less.
        System.setProperty("guice_bytecode_gen_option", "DISABLED");
        if (opensWindow(args)) {
            LecternApplication.launchWindow(args);
            return;
        }
        Charset cs = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = Guice.createInjector(new AppModule()).getInstance(Cli.class).execute(args, out, err);
        System.exit(code);
    }

    /** No arguments, or a single project file to open. */
    static boolean opensWindow(String[] args) {
        return args.length == 0 || (args.length == 1 && args[0].endsWith(".lectern") && !args[0].startsWith("-"));
    }
}
