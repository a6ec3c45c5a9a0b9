package dev.lectern.bench;

import dev.lectern.generation.SampleLecture;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5. start: cold start of Lectern with a project file (a new JVM, {@code dev.lectern.Lectern FILE}) until its
 * window's first frame, without and with an AppCDS archive, beside a bare JavaFX window started the same way
 * (same JVM, the same flags from packaging/jvm.options, plain JDK CDS). Time is wall-clock from process start to the marker line the app
 * prints under {@code -Dlectern.startup.marker=true}. Under Xvfb when it is installed, else headless Monocle.
 * The first frame is the window's frame (menus, title, status line); the frame with its three panes follows
 * (decision 0009) and is reported beside it as {@code start-appcds-ready}.
 *
 * <p>The bench profile runs in the test phase, before target/lectern.jar is packaged, so the app is started
 * from a jar of target/classes with the runtime libraries on the class path (what the jar's manifest lists);
 * AppCDS needs jars, not directories.
 */
class StartBenchmark {
    static final int ROUNDS = 5;

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("start");
    }

    @Test
    void start() throws Exception {
        Path work = Path.of(System.getProperty("lectern.jar", "target/lectern.jar")).toAbsolutePath().getParent().resolve("bench-start");
        Files.createDirectories(work);
        List<Path> libs = runtimeLibraries();
        Path appJar = jar(Path.of("target/classes").toAbsolutePath(), work.resolve("lectern-app.jar"), p -> true);
        Path bareJar = jar(Path.of("target/test-classes").toAbsolutePath(), work.resolve("bare.jar"),
                p -> p.toString().replace('\\', '/').startsWith("dev/lectern/bench/BareFxWindow"));
        String appCp = Stream.concat(Stream.of(appJar), libs.stream()).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        String bareCp = Stream.concat(Stream.of(bareJar), libs.stream().filter(p -> p.getFileName().toString().startsWith("javafx-")))
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Path project = dir.resolve("Sample.lectern");
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(project, SampleLecture.TITLE,
                p -> new SampleLecture(new TitleCardRenderer(), Clock.systemUTC()).addTo(p)).close();
        Path archive = work.resolve("lectern.jsa");
        Files.deleteIfExists(archive);
        try (Display display = Display.start()) {
            List<String> app = List.of("-cp", appCp, "dev.lectern.Lectern", project.toString());
            List<String> bare = List.of("-cp", bareCp, "dev.lectern.bench.BareFxWindow$Launcher");
            // Training run: the archive holds the classes loaded up to the window and the opened project.
            launch(display, app, List.of("-XX:ArchiveClassesAtExit=" + archive), 3000, true);
            if (!Files.isRegularFile(archive)) {
                throw new AssertionError("no AppCDS archive was written at " + archive);
            }
            List<String> withArchive = List.of("-XX:SharedArchiveFile=" + archive);
            launch(display, bare, List.of(), 0, false); // warm the file cache for both
            launch(display, app, withArchive, 0, true);
            double[] plain = new double[ROUNDS];
            double[] cds = new double[ROUNDS];
            double[] cdsReady = new double[ROUNDS];
            double[] baseA = new double[ROUNDS];
            double[] baseB = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                baseA[i] = launch(display, bare, List.of(), 0, false)[0];
                plain[i] = launch(display, app, List.of(), 0, true)[0];
                baseB[i] = launch(display, bare, List.of(), 0, false)[0];
                double[] withCds = launch(display, app, withArchive, 0, true);
                cds[i] = withCds[0];
                cdsReady[i] = withCds[1];
            }
            Map<String, Object> how = Map.of("display", display.description());
            BenchResults.add("start", new BenchResults.Pair(BenchResults.median(plain), BenchResults.median(baseA), plain, baseA), null,
                    Map.of("display", display.description(), "note", "no AppCDS archive; vs bare JavaFX window (" + display.description() + ")"));
            BenchResults.add("start-appcds", new BenchResults.Pair(BenchResults.median(cds), BenchResults.median(baseB), cds, baseB), 1.3, how);
            BenchResults.add("start-appcds-ready", new BenchResults.Pair(BenchResults.median(cdsReady), BenchResults.median(baseB), cdsReady, baseB), null,
                    Map.of("display", display.description(), "note", "until the frame with the three panes; vs the bare window's first frame"));
        }
    }

    /**
     * Starts a JVM and returns the milliseconds from process start to its first-frame line and, when {@code ready}
     * is asked for, to its ready line (else the first frame again); then stops it.
     */
    private static double[] launch(Display display, List<String> main, List<String> extra, long lingerMs, boolean ready) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Path.of("packaging", "jvm.options").toAbsolutePath()); // the window's JVM options, for both windows
        command.addAll(extra);
        command.addAll(display.jvmArgs());
        command.addAll(List.of("-Dlectern.startup.marker=true", "-Dlectern.config.dir=" + home.resolve("config"),
                "-Dlectern.cache.dir=" + home.resolve("cache"), "-Dlectern.data.dir=" + home.resolve("data"),
                "-Djavafx.cachedir=" + dir.resolve("openjfx")));
        command.addAll(main);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(home.resolve("err.txt").toFile());
        pb.environment().remove("CLASSPATH");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(display.env());
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
    private static List<Path> runtimeLibraries() {
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

    private static Path jar(Path classes, Path jar, java.util.function.Predicate<Path> include) throws IOException {
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
            String xvfb = Stream.of("/usr/bin/Xvfb", "/usr/local/bin/Xvfb").filter(s -> Files.isExecutable(Path.of(s))).findFirst().orElse(null);
            if (xvfb != null) {
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
            }
            String monocle = System.getProperty("surefire.test.class.path", "").contains("monocle") ? "" : null;
            if (monocle == null) {
                throw new AssertionError("neither Xvfb nor Monocle is available");
            }
            return new Display(null, Map.of(), List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw"),
                    "Monocle headless, prism sw");
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
