package dev.lectern.bench;

import dev.lectern.generation.SampleLecture;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
        Path appJar = ColdStarts.jar(Path.of("target/classes").toAbsolutePath(), work.resolve("lectern-app.jar"), p -> true);
        String appCp = Stream.concat(Stream.of(appJar), ColdStarts.runtimeLibraries().stream()).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        Path project = dir.resolve("Sample.lectern");
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(project, SampleLecture.TITLE,
                p -> new SampleLecture(new TitleCardRenderer(), Clock.systemUTC()).addTo(p)).close();
        Path archive = work.resolve("lectern.jsa");
        Files.deleteIfExists(archive);
        try (ColdStarts.Display display = ColdStarts.Display.start()) {
            List<String> app = List.of("-cp", appCp, "dev.lectern.Lectern", project.toString());
            List<String> bare = ColdStarts.bareMain(ColdStarts.bareClassPath(work));
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

    private static double[] launch(ColdStarts.Display display, List<String> main, List<String> extra, long lingerMs, boolean ready) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        return ColdStarts.launch(home, ColdStarts.java(display, extra, home, dir, main), display.env(), lingerMs, ready);
    }
}
