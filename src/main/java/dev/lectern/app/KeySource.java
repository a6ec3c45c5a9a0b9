package dev.lectern.app;

/**
 * Where a provider's secret comes from: the NAME of an environment variable and whether it is set here, or the OS
 * keychain and whether it holds an entry. Never the secret itself.
 *
 * @param variable      the variable, null for the keychain
 * @param set           the variable is set / the keychain holds a key for the provider
 * @param basicAuthUser the HTTP Basic user when the variable holds a password, "" when it holds user:password, else null
 * @param keychain      the key is the provider's entry in the OS keychain
 * @param problem       why the keychain could not be asked (none here, locked), else null
 */
public record KeySource(String variable, boolean set, String basicAuthUser, boolean keychain, String problem) {
    public static KeySource variable(String variable, boolean set, String basicAuthUser) {
        return new KeySource(variable, set, basicAuthUser, false, null);
    }

    public static KeySource keychain(boolean stored, String problem) {
        return new KeySource(null, stored, null, true, problem);
    }

    /** e.g. "env OPENAI_API_KEY (not set)", "basic alice, env SD_PASSWORD", "keychain (stored)". */
    public String describe() {
        if (keychain) {
            return "keychain" + keychainState();
        }
        String env = "env " + variable + (set ? "" : " (not set)");
        if (basicAuthUser == null) {
            return env;
        }
        return basicAuthUser.isEmpty() ? "basic user:password, " + env : "basic " + basicAuthUser + ", " + env;
    }

    /** The same for a person in the providers dialog: "OPENAI_API_KEY (set)", "OS keychain (stored)". */
    public String describeForDialog() {
        if (keychain) {
            return "OS keychain" + keychainState();
        }
        String prefix = basicAuthUser == null ? "" : basicAuthUser.isEmpty() ? "user:password in " : "user " + basicAuthUser + ", password in ";
        return prefix + variable + (set ? " (set)" : " (not set)");
    }

    private String keychainState() {
        return problem != null ? " (unavailable here)" : set ? " (stored)" : " (no key stored)";
    }
}
