package dev.lectern.app.cli;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.SecretResolver;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", description = {"Add an image server.",
        "Plain http:// is accepted only for this computer (localhost, 127.x.x.x, ::1); any other host needs https://.",
        "--api-key-env takes the NAME of an environment variable; the key itself is never stored."})
final class ProvidersAddCommand implements Callable<Integer> {
    static final int MAX_CONCURRENCY = 16;
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

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

    private final ProvidersConfigStore store;
    private final SecretResolver secrets;

    @Inject
    ProvidersAddCommand(ProvidersConfigStore store, SecretResolver secrets) {
        this.store = store;
        this.secrets = secrets;
    }

    @Override
    public Integer call() {
        // Everything is checked before the file is touched: a refused add writes nothing.
        Ids.requireValid("provider id", id);
        if (id.equals(ModelRef.TITLE_CARD)) {
            throw new InvalidInputException("'" + ModelRef.TITLE_CARD + "' is the built-in offline generator; pick another id");
        }
        ProviderConfig.Type providerType = parseType(type);
        requireVariableName(apiKeyEnv);
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new InvalidInputException("--timeout must be a positive number of seconds");
        }
        if (concurrency != null && (concurrency < 1 || concurrency > MAX_CONCURRENCY)) {
            throw new InvalidInputException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
        ProviderConfig config = new ProviderConfig(id, providerType, url, apiKeyEnv, models,
                timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds), concurrency == null ? 0 : concurrency,
                null, null);
        if (!replace && store.get(id).isPresent()) {
            throw new InvalidInputException("a provider '" + id + "' already exists; remove it first, or add it with --replace");
        }
        store.add(config, replace);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Added " + id + " (" + typeName(config.type()) + " at " + config.baseUrl() + ") to " + store.file());
        if (config.apiKeyEnv() != null && secrets.resolve(config.apiKeyEnv()) == null) {
            out.println("The key will be read from " + config.apiKeyEnv() + ", which is not set here; set it before using " + id + ".");
        }
        return 0;
    }

    static String typeName(ProviderConfig.Type type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static ProviderConfig.Type parseType(String text) {
        for (ProviderConfig.Type t : ProviderConfig.Type.values()) {
            if (typeName(t).equals(text.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new InvalidInputException("--type must be openai, automatic1111 or comfyui");
    }

    /**
     * The option takes a variable's NAME. Something that looks like a key is refused, and never repeated in the
     * message: it may be a real key, and error lines end up in terminals, logs and bug reports.
     */
    private static void requireVariableName(String name) {
        if (name == null) {
            return;
        }
        if (!VARIABLE_NAME.matcher(name).matches() || looksLikeKey(name)) {
            throw new InvalidInputException("--api-key-env takes the NAME of an environment variable (like OPENAI_API_KEY), "
                    + "not the key itself; what was given looks like a key, so nothing was saved");
        }
    }

    static boolean looksLikeKey(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sk-") || s.startsWith("sk_") || s.startsWith("hf_") || s.startsWith("ghp_")) {
            return true;
        }
        // Variable names are words; keys are long runs of mixed-case letters and digits.
        boolean lowerCase = !s.equals(s.toUpperCase(Locale.ROOT));
        boolean upperCase = !s.equals(lower);
        boolean digit = s.chars().anyMatch(Character::isDigit);
        return s.length() >= 20 && lowerCase && upperCase && digit && !s.contains("_");
    }
}
