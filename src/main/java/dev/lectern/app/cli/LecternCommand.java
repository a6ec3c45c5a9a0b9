package dev.lectern.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "lectern", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = {"Lectern: lectures as video segments, and the starting images an image model draws for them.",
                "Run without arguments to open the window; with a command to work from the terminal."},
        subcommands = {NewCommand.class, ImportCommand.class, ExportCommand.class, SegmentsCommand.class,
                SettingsCommand.class, RegenerateCommand.class, ReviewCommand.class, RunsCommand.class, ArchiveRunsCommand.class, CancelCommand.class,
                ResumeCommand.class, ImageCommand.class, VersionsCommand.class, RestoreCommand.class, UseImageCommand.class,
                PruneCommand.class, BatchCommand.class, BatchesCommand.class, PauseCommand.class, ResumeQueueCommand.class,
                MoveToFrontCommand.class,                ProvidersCommand.class},
        footer = {"", "Exit codes: 0 success, 1 the operation failed, 2 bad usage or invalid input."})
public final class LecternCommand {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the stack trace of an error.")
    boolean verbose;
}
