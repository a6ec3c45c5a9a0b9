package dev.lectern.app.cli;

import dev.lectern.provider.ProvidersConfigStore;
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

    private final ProvidersConfigStore store;

    @Inject
    ProvidersRemoveCommand(ProvidersConfigStore store) {
        this.store = store;
    }

    @Override
    public Integer call() {
        ProvidersCommand.find(store, id);
        store.remove(id);
        spec.commandLine().getOut().println("Removed " + id + " from " + store.file());
        return 0;
    }
}
