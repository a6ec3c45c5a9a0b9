package dev.lectern.app.cli;

import dev.lectern.app.ProviderAdmin;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProviderException;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", description = {"Reach an image server and list its models, or say what is wrong.",
        "One attempt, at most 30 seconds: the answer is about the server now."})
final class ProvidersTestCommand implements Callable<Integer> {
    static final int MAX_LISTED = 20;

    @Parameters(index = "0", paramLabel = "ID", description = "The provider to test.")
    String id;

    @Spec
    CommandSpec spec;

    private final ProviderAdmin providers;

    @Inject
    ProvidersTestCommand(ProviderAdmin providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() throws ProviderException {
        ProviderConfig config = providers.find(id);
        List<String> models = providers.listModels(config);

        PrintWriter out = spec.commandLine().getOut();
        out.println(id + ": reachable at " + config.baseUrl() + " — " + describe(models));
        List<String> absent = config.models().stream().filter(m -> !models.contains(m)).toList();
        if (!absent.isEmpty() && !models.isEmpty()) {
            out.println(id + ": configured but not offered by the server: " + String.join(", ", absent));
        }
        return 0;
    }

    private static String describe(List<String> models) {
        if (models.isEmpty()) {
            return "no models";
        }
        String shown = String.join(", ", models.subList(0, Math.min(models.size(), MAX_LISTED)));
        String more = models.size() > MAX_LISTED ? ", … (" + (models.size() - MAX_LISTED) + " more)" : "";
        return models.size() + (models.size() == 1 ? " model: " : " models: ") + shown + more;
    }
}
