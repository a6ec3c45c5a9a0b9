package dev.lectern.app.cli;

import dev.lectern.app.ProviderAdmin;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "remove", description = "Remove an image server. Projects that name its models keep their settings.")
final class ProvidersRemoveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The provider to remove.")
    String id;

    @Spec
    CommandSpec spec;

    private final ProviderAdmin providers;

    @Inject
    ProvidersRemoveCommand(ProviderAdmin providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() {
        providers.remove(id);
        spec.commandLine().getOut().println("Removed " + id + " from " + providers.store().file());
        return 0;
    }
}
