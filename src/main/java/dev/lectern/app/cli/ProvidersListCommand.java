package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.app.KeySource;
import dev.lectern.app.ProviderAdmin;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.storage.JsonSupport;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list", description = {"List the image servers.",
        "Shows the NAME of each key's variable and whether it is set here; never a key."})
final class ProvidersListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ProviderAdmin providers;

    @Inject
    ProvidersListCommand(ProviderAdmin providers) {
        this.providers = providers;
    }

    @Override
    public Integer call() throws Exception {
        List<ProviderConfig> all = providers.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = JsonSupport.MAPPER.createArrayNode();
            all.forEach(p -> array.add(toJson(p).put("keyFrom", providers.keySource(p).map(KeySource::describe).orElse(null))));
            out.println(JsonSupport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        if (all.isEmpty()) {
            out.println("No image servers yet (" + providers.store().file() + "). Add one with 'lectern providers add'.");
            return 0;
        }
        TextTable table = new TextTable("ID", "TYPE", "URL", "KEY FROM", "MODELS", "TIMEOUT", "CONCURRENCY");
        for (ProviderConfig p : all) {
            table.row(p.id(), ProviderAdmin.typeName(p.type()), p.baseUrl(),
                    providers.keySource(p).map(KeySource::describe).orElse(null),
                    p.models().isEmpty() ? null : String.join(", ", p.models()), p.timeout().toSeconds() + " s",
                    String.valueOf(p.concurrency()));
        }
        table.print(out);
        return 0;
    }

    /** The stored fields, variable names only. */
    private static ObjectNode toJson(ProviderConfig p) {
        ObjectNode o = JsonSupport.MAPPER.createObjectNode();
        o.put("id", p.id());
        o.put("type", ProviderAdmin.typeName(p.type()));
        o.put("baseUrl", p.baseUrl());
        o.put("apiKeyEnv", p.apiKeyEnv());
        o.put("apiKeyKeychain", p.apiKeyKeychain());
        ArrayNode models = o.putArray("models");
        p.models().forEach(models::add);
        o.put("timeoutSeconds", p.timeout().toSeconds());
        o.put("concurrency", p.concurrency());
        if (p.basicAuthUser() != null) {
            o.put("basicAuthUser", p.basicAuthUser());
            o.put("basicAuthPasswordEnv", p.basicAuthPasswordEnv());
        }
        if (p.basicAuthEnv() != null) {
            o.put("basicAuthEnv", p.basicAuthEnv());
        }
        return o;
    }
}
