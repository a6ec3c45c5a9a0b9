package dev.lectern.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a child JVM, so a test can kill it with SIGKILL ({@link Process#destroyForcibly()} on
 * Linux): the test's class path, per-user directories under {@code dir}, output in {@code dir/children/NAME.out|err}.
 */
public final class ChildLectern {
    public static final int SIGKILL_EXIT = 128 + 9;

    private final Path dir;
    private final Path configDir;

    public ChildLectern(Path dir, Path configDir) {
        this.dir = dir;
        this.configDir = configDir;
    }

    public Process start(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), "-Djava.awt.headless=true", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "dev.lectern.Lectern"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out(name).toFile()).redirectError(err(name).toFile());
        pb.environment().remove("CLASSPATH");
        pb.environment().put("LECTERN_CONFIG_DIR", configDir.toString());
        pb.environment().put("LECTERN_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("LECTERN_DATA_DIR", dir.resolve("data").toString());
        return pb.start();
    }

    /** Runs {@code lectern ARGS} to its end; a non-zero exit fails with what the child printed. */
    public String run(String name, List<String> args) throws IOException, InterruptedException {
        Process process = start(name, args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("lectern " + args + " did not end in 60 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("lectern " + args + " exited " + process.exitValue() + ":\n" + output(name));
        }
        return Files.readString(out(name));
    }

    public String output(String name) throws IOException {
        return Files.readString(err(name)) + Files.readString(out(name));
    }

    public Path err(String name) throws IOException {
        return Files.createDirectories(dir.resolve("children")).resolve(name + ".err");
    }

    private Path out(String name) throws IOException {
        return Files.createDirectories(dir.resolve("children")).resolve(name + ".out");
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
