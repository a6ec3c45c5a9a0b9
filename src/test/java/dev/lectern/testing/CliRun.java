package dev.lectern.testing;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.app.cli.Cli;
import dev.lectern.app.cli.SecretInput;
import dev.lectern.provider.Keychain;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.SecretSources;
import dev.lectern.provider.UserDirectories;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command line in-process, with the real injector, and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {
    private static final Injector INJECTOR = Guice.createInjector(new AppModule());

    public static CliRun of(Object... args) {
        return run(INJECTOR, args);
    }

    /**
     * A command line whose process environment is exactly {@code LECTERN_CONFIG_DIR=configDir} (plus what
     * {@link Env#with} adds): per-user files go there, and keys are read from that environment only.
     */
    public static Env in(Path configDir) {
        return new Env(Map.of("LECTERN_CONFIG_DIR", configDir.toString()), FakeKeychain.none(), null);
    }

    /** The real AppModule with a made-up environment for per-user directories and secrets. */
    public static final class Env {
        private final Map<String, String> env;
        private final Keychain keychain;
        private final String typed;
        private final Injector injector;

        /** @param typed what the person types when a command asks for a key (null: nothing, as at end of input) */
        private Env(Map<String, String> env, Keychain keychain, String typed) {
            this.env = Map.copyOf(env);
            this.keychain = keychain;
            this.typed = typed;
            this.injector = Guice.createInjector(Modules.override(new AppModule()).with(b -> {
                b.bind(UserDirectories.class).toInstance(new UserDirectories(this.env, System::getProperty));
                b.bind(Keychain.class).toInstance(keychain);
                b.bind(SecretResolver.class).toInstance(new SecretSources(this.env, keychain));
                b.bind(SecretInput.class).toInstance(prompt -> typed);
            }));
        }

        /** The same, with one more environment variable. */
        public Env with(String name, String value) {
            Map<String, String> more = new HashMap<>(env);
            more.put(name, value);
            return new Env(more, keychain, typed);
        }

        /** The same, with this keychain (the default is none, as on a headless Linux). */
        public Env with(Keychain other) {
            return new Env(env, other, typed);
        }

        /** The same, where a command asking for a key reads {@code text} (from stdin or a masked prompt). */
        public Env typing(String text) {
            return new Env(env, keychain, text);
        }

        public CliRun run(Object... args) {
            return CliRun.run(injector, args);
        }

        /** A service as the command line gets it, for a test that must act while a command runs. */
        public <T> T get(Class<T> type) {
            return injector.getInstance(type);
        }
    }

    private static CliRun run(Injector injector, Object... args) {
        String[] argv = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            argv[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = injector.getInstance(Cli.class).execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
