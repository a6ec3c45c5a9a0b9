package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lectern.testing.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real OS keychain path (issue 18): a private D-Bus session with GNOME Keyring's Secret Service, started here
 * (nothing of the user's is touched), and {@link OsKeychain} over java-keyring against it — store, read, replace,
 * delete — then {@code lectern providers add --api-key-keychain} end to end. Skipped, saying why, where dbus-daemon
 * or gnome-keyring-daemon is not installed (.ci/run installs both on Linux).
 */
class OsKeychainIT {
    static final String KEY = "sk-proj-REAL-SECRET-SERVICE-5a6b7c8d";
    @TempDir
    static Path home;
    static Process bus;
    static Process keyring;

    @BeforeAll
    static void startSecretService() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "Secret Service is the Linux keychain");
        assumeTrue(onPath("dbus-daemon") && onPath("gnome-keyring-daemon"),
                "dbus-daemon and gnome-keyring-daemon are not installed (apt-get install dbus gnome-keyring)");
        bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").redirectErrorStream(false).start();
        String address = new java.io.BufferedReader(new java.io.InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        address = address == null ? "" : address.strip();
        assertThat(address).as("the private session bus' address").startsWith("unix:");
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets");
        Map<String, String> env = daemon.environment();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run")).toString());
        keyring = daemon.redirectErrorStream(true).redirectOutput(home.resolve("keyring.log").toFile()).start();
        try (OutputStream password = keyring.getOutputStream()) {
            password.write("lectern-test".getBytes(StandardCharsets.UTF_8)); // the new login keyring's password, unlocking it
        }
        System.setProperty("DBUS_SESSION_BUS_ADDRESS", address); // dbus-java reads the property before the environment
        waitForSecretService(address);
    }

    @AfterAll
    static void stop() {
        System.clearProperty("DBUS_SESSION_BUS_ADDRESS");
        for (Process p : new Process[] {keyring, bus}) {
            if (p != null) {
                p.destroy();
            }
        }
    }

    @Test
    void storesReadsReplacesAndDeletesAProvidersKey() {
        OsKeychain keychain = new OsKeychain();
        assertThat(keychain.unavailableReason()).isEmpty();
        assertThat(keychain.read("it-openai")).isEmpty();
        keychain.store("it-openai", KEY);
        assertThat(keychain.read("it-openai")).contains(KEY);
        keychain.store("it-openai", KEY + "-rotated");
        assertThat(keychain.read("it-openai")).as("one entry per provider, replaced").contains(KEY + "-rotated");
        keychain.delete("it-openai");
        assertThat(keychain.read("it-openai")).isEmpty();
        keychain.delete("it-openai"); // nothing there: not an error
    }

    @Test
    void providersAddKeepsTheKeyInTheRealKeychainAndListSaysSo() throws Exception {
        OsKeychain keychain = new OsKeychain();
        CliRun.Env lectern = CliRun.in(home.resolve("config")).with(keychain);
        CliRun added = lectern.typing(KEY).run("providers", "add", "it-oa", "--type", "openai", "--url", "https://api.openai.com",
                "--api-key-keychain");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(keychain.read("it-oa")).contains(KEY);
        assertThat(Files.readString(home.resolve("config/providers.json"))).doesNotContain(KEY);
        assertThat(lectern.run("providers", "list").out()).contains("keychain (stored)").doesNotContain(KEY);
        assertThat(lectern.run("providers", "remove", "it-oa").exitCode()).isZero();
        assertThat(keychain.read("it-oa")).isEmpty();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The daemon claims org.freedesktop.secrets on the bus a moment after it starts. */
    private static void waitForSecretService(String address) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            ProcessBuilder ask = new ProcessBuilder(List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"))
                    .redirectErrorStream(true);
            ask.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
            Process probe = ask.start();
            String reply = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (probe.waitFor() == 0 && reply.contains("boolean true")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gnome-keyring-daemon did not offer the Secret Service; see " + home.resolve("keyring.log"));
    }
}
