package dev.lectern.app.cli;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.storage.ProjectFileException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One line on stderr starting with {@code lectern: }, and the exit code: 2 for bad usage or input (including a
 * file that is not a usable project), 1 when the operation failed. A stack trace only with {@code --verbose}.
 */
final class CliErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println("lectern: " + message(e));
        if (verbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return exitCode(e);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("lectern: " + e.getMessage() + " (try 'lectern " + commandPath(cmd) + "--help')");
        err.flush();
        return BAD_INPUT;
    }

    static int exitCode(Throwable e) {
        if (e instanceof InvalidInputException) {
            return BAD_INPUT;
        }
        if (e instanceof ProjectFileException p) {
            return p.isUnusableFile() ? BAD_INPUT : FAILED;
        }
        return FAILED;
    }

    private static String message(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getMessage() != null) {
            return u.getMessage();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() + " (run with --verbose for details)" : m;
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String commandPath(CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName(" ");
        String sub = name.startsWith("lectern") ? name.substring("lectern".length()).strip() : name;
        return sub.isEmpty() ? "" : sub + " ";
    }
}
