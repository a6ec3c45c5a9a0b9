package dev.lectern.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lectern.generation.SampleLecture;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 5b. start-installed: cold start of the installed app — the jpackage image the installers carry (its own jlink'd
 * runtime, the JVM options in its config, the AppCDS archive postinst makes) — to its window's first frame, beside the
 * bare JavaFX window started by this JDK with packaging/jvm.options, under Xvfb. The bench profile builds the app
 * image after the jar (packaging/installer.sh with no package types) and runs this after it; "installing" is a copy of
 * that image into a scratch root followed by the postinst's AppCDS step, which is what the .deb does in /opt/lectern.
 */
class StartInstalledBenchmark {
    static final int ROUNDS = 9;

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("start-installed");
    }

    @Test
    void startInstalled() throws Exception {
        Path image = Path.of(System.getProperty("lectern.installer.dir", "target/installer"), "image", "Lectern").toAbsolutePath();
        assumeTrue(Files.isExecutable(image.resolve("bin/Lectern")), "no app image at " + image + ": mvn -Pbench verify builds it after the jar");
        Path installed = dir.resolve("opt/lectern");
        Files.createDirectories(installed.getParent());
        run(List.of("cp", "-a", image.toString(), installed.toString()));
        run(List.of("sh", installed.resolve("lib/appcds.sh").toString()));
        assumeTrue(Files.isRegularFile(installed.resolve("lib/app/lectern.jsa")), "postinst's AppCDS step made no archive");
        Path project = dir.resolve("Sample.lectern");
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(project, SampleLecture.TITLE,
                p -> new SampleLecture(new TitleCardRenderer(), Clock.systemUTC()).addTo(p)).close();
        Path work = Files.createDirectories(dir.resolve("work"));
        List<String> bare = ColdStarts.bareMain(ColdStarts.bareClassPath(work));
        try (ColdStarts.Display display = ColdStarts.Display.startXvfb()) {
            assumeTrue(display != null, "start-installed needs Xvfb (the installed runtime has no Monocle): apt-get install xvfb");
            launchBare(display, bare); // warm the file cache for both
            launchInstalled(display, installed, project);
            double[] app = new double[ROUNDS];
            double[] base = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                base[i] = launchBare(display, bare);
                app[i] = launchInstalled(display, installed, project);
            }
            BenchResults.add("start-installed", new BenchResults.Pair(BenchResults.median(app), BenchResults.median(base), app, base), 1.3,
                    Map.of("display", display.description(), "note", "installed app image (bundled runtime, AppCDS) vs bare JavaFX window on this JDK"));
        }
    }

    private static double launchBare(ColdStarts.Display display, List<String> bare) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        return ColdStarts.launch(home, ColdStarts.java(display, List.of(), home, dir, bare), display.env(), 0, false)[0];
    }

    /** The installed launcher, as a desktop entry starts it; the marker and a fresh home go in through JAVA_TOOL_OPTIONS. */
    private static double launchInstalled(ColdStarts.Display display, Path installed, Path project) throws Exception {
        Path home = Files.createTempDirectory(dir, "home");
        List<String> options = new ArrayList<>(display.jvmArgs());
        options.addAll(ColdStarts.properties(home, dir));
        Map<String, String> env = new HashMap<>(display.env());
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        return ColdStarts.launch(home, List.of(installed.resolve("bin/Lectern").toString(), project.toString()), env, 0, false)[0];
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(command + " failed");
        }
    }
}
