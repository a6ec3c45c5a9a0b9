package dev.lectern.app.cli;

import dev.lectern.app.KeySource;
import dev.lectern.app.ProviderAdmin;
import dev.lectern.app.ProviderDraft;
import dev.lectern.app.ProviderWording;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.Keychain;
import dev.lectern.provider.KeychainException;
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
        "--api-key-env takes the NAME of an environment variable; the key itself is never stored in a Lectern file.",
        "--api-key-keychain keeps the key in the OS keychain instead: it is read from stdin, or a masked prompt at a terminal."})
final class ProvidersAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The provider's id; models are written ID/MODEL.")
    String id;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "openai, automatic1111 or comfyui.")
    String type;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The server's base URL, like http://127.0.0.1:7860.")
    String url;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "The environment variable that holds the key, like OPENAI_API_KEY.")
    String apiKeyEnv;

    @Option(names = "--api-key-keychain", description = "Keep the key in the OS keychain (Secret Service, macOS Keychain, "
            + "Windows Credential Manager); the key is read from stdin or a masked prompt, never from an argument.")
    boolean apiKeyKeychain;

    @Option(names = "--basic-auth-env", paramLabel = "VAR", description = "HTTP Basic login for the server (AUTOMATIC1111's "
            + "--api-auth): the environment variable that holds user:password.")
    String basicAuthEnv;

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
    private final SecretInput input;

    @Inject
    ProvidersAddCommand(ProviderAdmin providers, SecretInput input) {
        this.providers = providers;
        this.input = input;
    }

    @Override
    public Integer call() {
        // Everything is checked before the file is touched: a refused add writes nothing.
        ProviderDraft draft = new ProviderDraft(id, type, url, apiKeyEnv, models, timeoutSeconds, concurrency, apiKeyKeychain, basicAuthEnv);
        String key = null;
        if (apiKeyKeychain) {
            providers.validate(draft, replace, ProviderWording.COMMAND_LINE); // before asking for a key
            providers.keychainUnavailable().ifPresent(why -> {
                throw KeychainException.unavailable(why);
            });
            key = input.read("API key for " + id + " (kept in the OS keychain): ");
            if (key == null || key.isBlank()) {
                throw new InvalidInputException("no key was given on stdin for --api-key-keychain; pipe it in, or type it at the "
                        + "prompt (it is not shown)");
            }
        }
        ProviderConfig config = providers.add(draft, key, replace, ProviderWording.COMMAND_LINE);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Added " + id + " (" + ProviderAdmin.typeName(config.type()) + " at " + config.baseUrl() + ") to "
                + providers.store().file());
        Optional<KeySource> source = providers.keySource(config);
        if (config.apiKeyKeychain()) {
            out.println("Its key is in the OS keychain (service " + Keychain.SERVICE + ", account " + id + ").");
        } else if (source.isPresent() && !source.get().set()) {
            out.println("The key will be read from " + source.get().variable() + ", which is not set here; set it before using " + id + ".");
        }
        return 0;
    }
}
