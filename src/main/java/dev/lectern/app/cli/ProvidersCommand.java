package dev.lectern.app.cli;

import picocli.CommandLine.Command;

@Command(name = "providers", description = {"Manage the image servers Lectern draws with.",
        "They are configured per user (in the config directory; LECTERN_CONFIG_DIR overrides it), never in a project.",
        "A key is read from the environment variable you name, and is never written anywhere."},
        subcommands = {ProvidersAddCommand.class, ProvidersListCommand.class, ProvidersRemoveCommand.class,
                ProvidersTestCommand.class})
final class ProvidersCommand {
}
