package dev.lectern.app.cli;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.SecretResolver;
import picocli.CommandLine.Command;

@Command(name = "providers", description = {"Manage the image servers Lectern draws with.",
        "They are configured per user (in the config directory; LECTERN_CONFIG_DIR overrides it), never in a project.",
        "A key is read from the environment variable you name, and is never written anywhere."},
        subcommands = {ProvidersAddCommand.class, ProvidersListCommand.class, ProvidersRemoveCommand.class,
                ProvidersTestCommand.class})
final class ProvidersCommand {
    static ProviderConfig find(ProvidersConfigStore store, String id) {
        Ids.requireValid("provider id", id);
        return store.get(id).orElseThrow(() -> new InvalidInputException("there is no provider '" + id
                + "' in " + store.file() + " (see 'lectern providers list')"));
    }

    /** Where the key comes from, e.g. "env OPENAI_API_KEY", with "(not set)" when that variable is empty. */
    static String keyFrom(ProviderConfig c, SecretResolver secrets) {
        if (c.basicAuthUser() != null) {
            return "basic " + c.basicAuthUser() + ", env " + c.basicAuthPasswordEnv()
                    + (secrets.resolve(c.basicAuthPasswordEnv()) == null ? " (not set)" : "");
        }
        if (c.apiKeyEnv() != null) {
            return "env " + c.apiKeyEnv() + (secrets.resolve(c.apiKeyEnv()) == null ? " (not set)" : "");
        }
        return null;
    }

    /** The variable this provider needs that is unset or blank, or null when it has what it needs. */
    static String missingVariable(ProviderConfig c, SecretResolver secrets) {
        String variable = c.basicAuthUser() != null ? c.basicAuthPasswordEnv() : c.apiKeyEnv();
        return variable != null && secrets.resolve(variable) == null ? variable : null;
    }
}
