package dev.lectern.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Cold starts timed from process start to the marker lines the app (and {@link BareFxWindow}) print under
 * {@code -Dlectern.startup.marker=true}: what the start benchmarks share.
 */
final class ColdStarts {
    private ColdStarts() {
    }

    /** The system properties every measured start gets: the marker, and a fresh home of its own. */
    static List<String> properties(Path home, Path scratch) {
        return List.of("-Dlectern.startup.marker=true", "-Dlectern.config.dir=" + home.resolve("config"),
                "-Dlectern.cache.dir=" + home.resolve("cache"), "-Dlectern.data.dir=" + home.resolve("data"),
                "-Djavafx.cachedir=" + scratch.resolve("openjfx"));
    }

    /** This JDK's java with the window's JVM options (packaging/jvm.options), {@code extra}, the display and {@code main}. */
    static List<String> java(Display display, List<String> extra, Path home, Path scratch, List<String> main) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Path.of("packaging", "jvm.options").toAbsolutePath());
        command.addAll(extra);
        command.addAll(display.jvmArgs());
        command.addAll(properties(home, scratch));
        command.addAll(main);
        return command;
    }

    /**
     * Runs {@code command} and returns the milliseconds from process start to its first-frame line and, when
     * {@code ready} is asked for, to its ready line (else the first frame again); then stops it.
     */
    static double[] launch(Path home, List<String> command, Map<String, String> env, long lingerMs, boolean ready) throws Exception {
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(home.resolve("err.txt").toFile());
        pb.environment().remove("CLASSPATH");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            double first = -1;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("lectern: first frame after")) {
                    first = (System.nanoTime() - t0) / 1e6;
                }
                boolean done = ready ? line.startsWith("lectern: ready after") : first >= 0;
                if (done) {
                    double[] ms = {first, (System.nanoTime() - t0) / 1e6};
                    if (lingerMs > 0) {
                        Thread.sleep(lingerMs);
                    }
                    p.destroy(); // SIGTERM: the JVM exits normally (and writes a dynamic archive if asked)
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                    return ms;
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        throw new AssertionError("no first-frame line from " + command + ": " + Files.readString(home.resolve("err.txt")));
    }

    /** The runtime libraries of the test class path: everything but the test-only artifacts and class folders. */
    static List<Path> runtimeLibraries() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> testOnly = List.of("/org/junit/", "/org/opentest4j/", "/org/apiguardian/", "/org/assertj/", "/org/testfx/",
                "/mockwebserver", "/com/tngtech/", "/net/bytebuddy/", "/org/hamcrest/", "/junit/", "/surefire");
        List<Path> out = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (entry.endsWith(".jar") && testOnly.stream().noneMatch(unix::contains)) {
                out.add(Path.of(entry));
            }
        }
        return out;
    }

    /** The bare window's class path: its own classes in a jar, and JavaFX's jars. */
    static String bareClassPath(Path work) throws IOException {
        Path bareJar = jar(Path.of("target/test-classes").toAbsolutePath(), work.resolve("bare.jar"),
                p -> p.toString().replace('\\', '/').startsWith("dev/lectern/bench/BareFxWindow"));
        return String.join(File.pathSeparator, Stream.concat(Stream.of(bareJar),
                runtimeLibraries().stream().filter(p -> p.getFileName().toString().startsWith("javafx-"))).map(Path::toString).toList());
    }

    static List<String> bareMain(String classPath) {
        return List.of("-cp", classPath, "dev.lectern.bench.BareFxWindow$Launcher");
    }

    static Path jar(Path classes, Path jar, Predicate<Path> include) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = classes.relativize(f);
                if (include.test(rel)) {
                    out.putNextEntry(new JarEntry(rel.toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    /** Xvfb on a free display number when installed; otherwise headless Monocle (needs its jar on the class path). */
    record Display(Process xvfb, Map<String, String> env, List<String> jvmArgs, String description) implements AutoCloseable {
        static Display start() throws Exception {
            Display x = startXvfb();
            if (x != null) {
                return x;
            }
            if (!System.getProperty("surefire.test.class.path", "").contains("monocle")) {
                throw new AssertionError("neither Xvfb nor Monocle is available");
            }
            return new Display(null, Map.of(), List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"),
                    "Monocle headless, prism sw");
        }

        /** Xvfb on a free display number, or null when it is not installed. */
        static Display startXvfb() throws Exception {
            String xvfb = Stream.of("/usr/bin/Xvfb", "/usr/local/bin/Xvfb").filter(s -> Files.isExecutable(Path.of(s))).findFirst().orElse(null);
            if (xvfb == null) {
                return null;
            }
            for (int n = 91; n < 120; n++) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                    continue;
                }
                Process p = new ProcessBuilder(xvfb, ":" + n, "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                for (int i = 0; i < 50 && p.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) {
                    Thread.sleep(100);
                }
                if (p.isAlive()) {
                    return new Display(p, Map.of("DISPLAY", ":" + n), List.of("-Dprism.order=sw"), "Xvfb, prism sw");
                }
            }
            return null;
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
