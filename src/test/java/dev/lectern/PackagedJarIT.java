package dev.lectern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a user gets it: started with {@code java -jar}, nothing on the class path but lib/ beside it. */
class PackagedJarIT {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result lectern(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("lectern.jar"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().remove("CLASSPATH");
        pb.environment().put("LECTERN_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("LECTERN_CACHE_DIR", dir.resolve("cache").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void versionAndHelpRunFromTheJar() throws Exception {
        Result version = lectern("--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).matches("(?s)lectern \\d+\\.\\d+\\.\\d+.*");
        Result help = lectern("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: lectern").contains("import").contains("Exit codes");
    }

    @Test
    void theSampleProjectIsMadeAndListedFromTheJar() throws Exception {
        Result created = lectern("new", "course.lectern", "--sample");
        assertThat(created.exit()).as(created.err()).isZero();
        Result segments = lectern("segments", "course.lectern", "--json");
        assertThat(segments.exit()).as(segments.err()).isZero();
        assertThat(segments.out()).contains("\"startingImageModel\" : \"titlecard\"");
        assertThat(segments.err()).isEmpty();
    }

    @Test
    void errorsAreOneLineWithTheRightExitCode() throws Exception {
        Files.writeString(dir.resolve("junk.lectern"), "junk");
        Result r = lectern("segments", "junk.lectern");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("lectern: junk.lectern is not a Lectern project (it is not an SQLite database)");
    }

    @Test
    void providersLiveInLecternConfigDirAndAnUnreachableServerIsOneLine() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Result added = lectern("providers", "add", "local-sd", "--type", "automatic1111", "--url", "http://127.0.0.1:" + port);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(dir.resolve("config/providers.json")).isRegularFile();
        Result tested = lectern("providers", "test", "local-sd");
        assertThat(tested.exit()).isEqualTo(1);
        assertThat(tested.err().lines()).as(tested.err()).hasSize(1);
        assertThat(tested.err()).startsWith("lectern: Server unreachable at http://127.0.0.1:" + port);
    }
}
