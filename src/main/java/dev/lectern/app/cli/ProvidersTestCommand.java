package dev.lectern.app.cli;

import dev.lectern.provider.CallTuning;
import dev.lectern.provider.ImageModelClient;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProviderException;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.RetryPolicy;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.Sleeper;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", description = {"Reach an image server and list its models, or say what is wrong.",
        "One attempt, at most 30 seconds: the answer is about the server now."})
final class ProvidersTestCommand implements Callable<Integer> {
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final int MAX_LISTED = 20;
    private static final CallTuning ONE_ATTEMPT = new CallTuning(new RetryPolicy(Duration.ZERO, Duration.ZERO, 0),
            Sleeper.SYSTEM, new Random(), Clock.systemUTC(), Duration.ofMillis(250));

    @Parameters(index = "0", paramLabel = "ID", description = "The provider to test.")
    String id;

    @Spec
    CommandSpec spec;

    private final ProvidersConfigStore store;
    private final OkHttpClient http;
    private final SecretResolver secrets;

    @Inject
    ProvidersTestCommand(ProvidersConfigStore store, OkHttpClient http, SecretResolver secrets) {
        this.store = store;
        this.http = http;
        this.secrets = secrets;
    }

    @Override
    public Integer call() throws ProviderException {
        ProviderConfig config = ProvidersCommand.find(store, id);
        String missing = ProvidersCommand.missingVariable(config, secrets);
        if (missing != null) {
            throw new ProviderException(ProviderException.Kind.AUTH_REJECTED, id + ": the key variable " + missing
                    + " is not set; set it in the environment Lectern runs in (keys are never stored)");
        }
        Duration limit = config.timeout().compareTo(LIMIT) < 0 ? config.timeout() : LIMIT;
        ImageModelClient client = new ProviderClients(http, secrets, ONE_ATTEMPT).create(config.withTimeout(limit));
        List<String> models = client.listModels();

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
