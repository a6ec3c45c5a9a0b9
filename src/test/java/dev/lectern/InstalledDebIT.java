package dev.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The .deb as an author gets it (mvn -Pinstaller verify): unpacked into a scratch root with {@code dpkg -x}, its
 * launcher run with a bare environment (PATH=/usr/bin:/bin, no JAVA_HOME), so only the bundled runtime can run it.
 * The package's scripts are not run (they would write to /usr); their AppCDS step is run by hand on the scratch copy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstalledDebIT {
    private Path root;
    private Path home;
    private Path lectern;

    record Result(int exit, String out, String err, long millis) {
    }

    @BeforeAll
    void unpack() throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the .deb is Linux's");
        Path dir = Path.of(System.getProperty("lectern.installer.dir"));
        Path deb;
        try (Stream<Path> s = Files.list(dir)) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        root = dir.resolve("scratch-root");
        run(List.of("rm", "-rf", root.toString(), dir.resolve("scratch-home").toString()), Map.of(), 60);
        home = Files.createDirectories(dir.resolve("scratch-home"));
        assertThat(run(List.of("dpkg", "-x", deb.toString(), root.toString()), Map.of(), 120).exit()).isZero();
        lectern = root.resolve("opt/lectern/bin/Lectern");
        System.out.printf("installer %s: %.1f MB; runtime image %.1f MB; installed %.1f MB%n", deb.getFileName(),
                Files.size(deb) / 1e6, du(root.resolve("opt/lectern/lib/runtime")), du(root));
    }

    private double du(Path p) throws Exception {
        return Long.parseLong(run(List.of("du", "-sk", p.toString()), Map.of(), 60).out().split("\\s")[0]) * 1024 / 1e6;
    }

    /** A process with nothing from this JVM's environment but what is given. */
    private Result run(List<String> command, Map<String, String> env, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (home != null) {
            pb.directory(home.toFile());
        }
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
    }

    private Result lectern(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(lectern.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(Map.of("HOME", home.toString(),
                "LECTERN_CONFIG_DIR", home.resolve("config").toString(), "LECTERN_CACHE_DIR", home.resolve("cache").toString(),
                "LECTERN_DATA_DIR", home.resolve("data").toString()));
        env.putAll(extraEnv);
        return run(command, env, 120);
    }

    @Test
    void theCommandLineRunsOnTheBundledRuntime() throws Exception {
        Result version = lectern(Map.of(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).matches("(?s)lectern \\d+\\.\\d+\\.\\d+.*");
        assertThat(version.err()).isEmpty();
        // /usr/bin/java may exist on this machine: what counts is that the launcher ran the runtime in the package.
        Result boot = lectern(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+path=info"), "--version");
        assertThat(boot.out()).contains("bootstrap loader class path=" + root.resolve("opt/lectern/lib/runtime/lib/modules"));

        Result created = lectern(Map.of(), "new", "x.lectern", "--sample");
        assertThat(created.exit()).as(created.err()).isZero();
        Result segments = lectern(Map.of(), "segments", "x.lectern", "--json");
        assertThat(segments.exit()).as(segments.err()).isZero();
        assertThat(segments.out()).startsWith("[").contains("\"startingImageModel\" : \"titlecard\"");
        assertThat(segments.err()).isEmpty();
    }

    @Test
    void theMenuEntryFileTypeAndCommandAreInThePackage() throws Exception {
        Path control = Files.createTempDirectory("control");
        Path deb = Files.list(Path.of(System.getProperty("lectern.installer.dir"))).filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        assertThat(run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()), Map.of(), 60).exit()).isZero();
        String postinst = Files.readString(control.resolve("postinst"));
        assertThat(postinst).contains("ln -sf /opt/lectern/bin/Lectern /usr/bin/lectern").contains("/opt/lectern/lib/appcds.sh")
                .contains("xdg-desktop-menu install").contains("xdg-mime install");
        assertThat(Files.readString(control.resolve("prerm"))).contains("rm -f /usr/bin/lectern");
        List<String> shipped;
        try (Stream<Path> s = Files.walk(root)) {
            shipped = s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".desktop") || p.toString().endsWith(".xml"))
                    .map(p -> { try { return Files.readString(p); } catch (IOException e) { throw new java.io.UncheckedIOException(e); } })
                    .toList();
        }
        assertThat(shipped).anySatisfy(d -> assertThat(d).contains("Exec=/opt/lectern/bin/Lectern").contains("application/x-lectern"));
        assertThat(shipped).anySatisfy(x -> assertThat(x).contains("application/x-lectern").contains("*.lectern"));
    }

    @Test
    void postinstsAppCdsArchiveServesTheAppsClasses() throws Exception {
        Result before = lectern(Map.of(), "--version");
        Result made = run(List.of(root.resolve("opt/lectern/lib/appcds.sh").toString()), Map.of("HOME", home.toString()), 120);
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.err()).isEmpty();
        Path jsa = root.resolve("opt/lectern/lib/app/lectern.jsa");
        assertThat(jsa).isRegularFile();
        Result loaded = lectern(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"), "--version");
        // "shared objects file" (the static archive from the build's class list) or "... (top)" (the fallback's
        // dynamic one on top of the JDK's): either way, Lectern's own classes come only from the archive postinst made.
        List<String> archived = loaded.out().lines().filter(l -> l.contains("source: shared objects file")).toList();
        long fromArchive = archived.size();
        assertThat(archived.stream().filter(l -> l.contains(" dev.lectern.")).count()).as("Lectern's classes from the archive").isGreaterThan(50);
        assertThat(fromArchive).as("classes from the archive").isGreaterThan(500);
        Result after = lectern(Map.of(), "--version");
        System.out.printf("AppCDS: %.1f MB archive, %d classes from it; lectern --version %d ms before, %d ms after%n",
                Files.size(jsa) / 1e6, fromArchive, before.millis(), after.millis());
    }

    @Test
    void theWindowOpensUnderXvfb() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/Xvfb")) && Files.isExecutable(Path.of("/usr/bin/xwininfo")),
                "Xvfb and xwininfo (x11-utils) are needed for the window check");
        int display = 90;
        while (Files.exists(Path.of("/tmp/.X11-unix/X" + display)) || Files.exists(Path.of("/tmp/.X" + display + "-lock"))) {
            display++;
        }
        Process xvfb = new ProcessBuilder("/usr/bin/Xvfb", ":" + display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process app = null;
        try {
            Map<String, String> env = Map.of("DISPLAY", ":" + display, "HOME", home.toString(),
                    "LECTERN_CONFIG_DIR", home.resolve("gui-config").toString(), "LECTERN_CACHE_DIR", home.resolve("gui-cache").toString(),
                    "LECTERN_DATA_DIR", home.resolve("gui-data").toString());
            ProcessBuilder pb = new ProcessBuilder(lectern.toString()).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(home.resolve("gui.txt").toFile());
            pb.environment().clear();
            pb.environment().put("PATH", "/usr/bin:/bin");
            pb.environment().putAll(env);
            long start = System.nanoTime();
            app = pb.start();
            boolean shown = false;
            while (!shown && System.nanoTime() - start < 90_000_000_000L && app.isAlive()) {
                Thread.sleep(250);
                Result tree = run(List.of("xwininfo", "-root", "-tree"), Map.of("DISPLAY", ":" + display), 30);
                shown = tree.out().contains("\"Lectern\"");
            }
            assertThat(shown).as("a Lectern window; the app said: %s", Files.readString(home.resolve("gui.txt"))).isTrue();
            System.out.printf("window shown %d ms after the installed launcher started%n", (System.nanoTime() - start) / 1_000_000);
        } finally {
            if (app != null) {
                app.destroy();
                if (!app.waitFor(10, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            }
            xvfb.destroy();
        }
    }
}
