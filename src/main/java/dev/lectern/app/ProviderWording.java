package dev.lectern.app;

/**
 * How validation messages name a field: the command line says {@code --timeout}, the form says "Timeout".
 * The rules are the same; only the words for where to fix them differ.
 */
public enum ProviderWording {
    COMMAND_LINE("--type", "--api-key-env", "--basic-auth-env", "--timeout", "--concurrency", ", or add it with --replace"),
    FORM("Type", "API key variable", "Login variable", "Timeout", "Concurrency", "");

    private final String type;
    private final String apiKeyEnv;
    private final String basicAuthEnv;
    private final String timeout;
    private final String concurrency;
    private final String replaceHint;

    ProviderWording(String type, String apiKeyEnv, String basicAuthEnv, String timeout, String concurrency, String replaceHint) {
        this.type = type;
        this.apiKeyEnv = apiKeyEnv;
        this.basicAuthEnv = basicAuthEnv;
        this.timeout = timeout;
        this.concurrency = concurrency;
        this.replaceHint = replaceHint;
    }

    String type() {
        return type;
    }

    String apiKeyEnv() {
        return apiKeyEnv;
    }

    String basicAuthEnv() {
        return basicAuthEnv;
    }

    String timeout() {
        return timeout;
    }

    String concurrency() {
        return concurrency;
    }

    String replaceHint() {
        return replaceHint;
    }
}
