package dev.lectern.provider;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where per-user files live. Each directory: an environment variable, else a system property (tests and the
 * build set these so nothing is written into the real home), else the platform's usual place.
 */
public final class UserDirectories {
    private final Map<String, String> env;
    private final Function<String, String> property;

    @Inject
    public UserDirectories() {
        this(System.getenv(), System::getProperty);
    }

    public UserDirectories(Map<String, String> env, Function<String, String> property) {
        this.env = Map.copyOf(env);
        this.property = property;
    }

    /** providers.json and other settings. */
    public Path configDir() {
        return pick("LECTERN_CONFIG_DIR", "lectern.config.dir", () -> switch (os()) {
            case MAC -> home().resolve("Library/Application Support/Lectern");
            case WINDOWS -> appData("APPDATA");
            case OTHER -> xdg("XDG_CONFIG_HOME", ".config");
        });
    }

    /** Disposable files (decoded image sizes): safe to delete at any time. */
    public Path cacheDir() {
        return pick("LECTERN_CACHE_DIR", "lectern.cache.dir", () -> switch (os()) {
            case MAC -> home().resolve("Library/Caches/Lectern");
            case WINDOWS -> appData("LOCALAPPDATA").resolve("Cache");
            case OTHER -> xdg("XDG_CACHE_HOME", ".cache");
        });
    }

    /** Data the app keeps between runs that is not configuration (recent projects, logs). */
    public Path dataDir() {
        return pick("LECTERN_DATA_DIR", "lectern.data.dir", () -> switch (os()) {
            case MAC -> home().resolve("Library/Application Support/Lectern");
            case WINDOWS -> appData("LOCALAPPDATA");
            case OTHER -> xdg("XDG_DATA_HOME", ".local/share");
        });
    }

    private enum Os { MAC, WINDOWS, OTHER }

    private Path pick(String envName, String propertyName, java.util.function.Supplier<Path> platform) {
        String fromEnv = env.get(envName);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String fromProperty = property.apply(propertyName);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty).toAbsolutePath();
        }
        return platform.get().toAbsolutePath();
    }

    private Os os() {
        String name = String.valueOf(property.apply("os.name")).toLowerCase(Locale.ROOT);
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return Os.MAC;
        }
        return name.startsWith("windows") ? Os.WINDOWS : Os.OTHER;
    }

    private Path xdg(String variable, String fallbackUnderHome) {
        String base = env.get(variable);
        // The XDG spec says relative values are invalid and must be ignored.
        Path root = base != null && !base.isBlank() && Path.of(base).isAbsolute()
                ? Path.of(base) : home().resolve(fallbackUnderHome);
        return root.resolve("lectern");
    }

    private Path appData(String variable) {
        String base = env.get(variable);
        Path root = base != null && !base.isBlank() ? Path.of(base) : home().resolve("AppData/Roaming");
        return root.resolve("Lectern");
    }

    private Path home() {
        String home = property.apply("user.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("user.home is not set, so there is no place for per-user files");
        }
        return Path.of(home);
    }
}
