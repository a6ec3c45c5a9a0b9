package dev.lectern.app;

/**
 * Where a provider's secret comes from: the NAME of an environment variable and whether it is set here.
 * Never the secret itself.
 *
 * @param basicAuthUser the HTTP Basic user when the variable holds a password, else null
 */
public record KeySource(String variable, boolean set, String basicAuthUser) {
    /** e.g. "env OPENAI_API_KEY (not set)" or "basic alice, env SD_PASSWORD". */
    public String describe() {
        String env = "env " + variable + (set ? "" : " (not set)");
        return basicAuthUser == null ? env : "basic " + basicAuthUser + ", " + env;
    }
}
