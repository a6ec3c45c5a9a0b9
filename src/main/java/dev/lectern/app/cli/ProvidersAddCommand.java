package dev.lectern.app.cli;

import dev.lectern.app.KeySource;
import dev.lectern.app.ProviderAdmin;
import dev.lectern.app.ProviderDraft;
import dev.lectern.app.ProviderWording;
import dev.lectern.provider.ProviderConfig;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", description = {"Add an image server.",
        "Plain http:// is accepted only for this computer (localhost, 127.x.x.x, ::1); any other host needs https://.",
        "--api-key-env takes the NAME of an environment variable; the key itself is never stored."})
final class ProvidersAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The provider's id; models are written ID/MODEL.")
    String id;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "openai, automatic1111 or comfyui.")
    String type;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The server's base URL, like http://127.0.0.1:7860.")
    String url;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable that holds the key, like OPENAI_API_KEY.")
    String apiKeyEnv;

    @Option(names = "--model", paramLabel = "NAME", description = "A model this server offers; repeat for more.")
    List<String> models = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "The longest one generation may take (default 600).")
    Long timeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", description = "Generations at once, 1 to 16 (default 1; 4 for openai).")
    Integer concurrency;

    @Option(names = "--replace", description = "Replace a provider with the same id.")
    boolean replace;

    @Spec
    CommandSpec spec;

    private final ProviderAdmin providers;

    @Inject
    ProvidersAddCommand(ProviderAdmin providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() {
        // Everything is checked before the file is touched: a refused add writes nothing.
        ProviderConfig config = providers.add(new ProviderDraft(id, type, url, apiKeyEnv, models, timeoutSeconds, concurrency),
                replace, ProviderWording.COMMAND_LINE);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Added " + id + " (" + ProviderAdmin.typeName(config.type()) + " at " + config.baseUrl() + ") to "
                + providers.store().file());
        Optional<KeySource> key = providers.keySource(config);
        if (key.isPresent() && !key.get().set()) {
            out.println("The key will be read from " + key.get().variable() + ", which is not set here; set it before using " + id + ".");
        }
        return 0;
    }
}
