package dev.lectern.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.testing.DataLossError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures of {@code mvn -Preliability verify}: each group records {name, tried, passed, lost} in its own file
 * under {@code target/reliability/}, and every record assembles all of them into {@code target/reliability.json}
 * as {@code {groups: [...]}}, so the last group's record leaves the whole file. A group prints its line (test
 * output, which surefire shows under {@code mvn -q}) when it records. The groups run in one test JVM; the
 * first record in it forgets the figures of an earlier run.
 */
public final class ReliabilityReport {
    /** The order of the issue; a group not listed goes last. */
    static final List<String> ORDER = List.of("crash", "batch", "provider faults", "project file", "import", "load");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean cleared;

    private ReliabilityReport() {
    }

    public record Group(String name, int tried, int passed, int lost, String note) {
        String line() {
            return String.format("reliability: %-16s tried %4d  passed %4d  lost %d%s", name, tried, passed, lost,
                    note == null || note.isBlank() ? "" : "  (" + note + ")");
        }
    }

    static Path target() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath().resolve("target");
    }

    static Path groupsDir() {
        return target().resolve("reliability");
    }

    /** Writes the group's entry, assembles target/reliability.json, and prints the group's line. */
    public static synchronized void record(Group group) {
        if (!cleared) {
            clear();
            cleared = true;
        }
        ObjectNode entry = JSON.createObjectNode();
        entry.put("name", group.name()).put("tried", group.tried()).put("passed", group.passed()).put("lost", group.lost());
        if (group.note() != null) {
            entry.put("note", group.note());
        }
        try {
            Files.createDirectories(groupsDir());
            writeAtomically(groupsDir().resolve(group.name().replaceAll("[^A-Za-z0-9]+", "-") + ".json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assemble();
        System.out.println(group.line());
    }

    /** Every recorded group, in the order. */
    static synchronized List<Group> assemble() {
        List<Group> groups = new ArrayList<>();
        if (Files.isDirectory(groupsDir())) {
            try (Stream<Path> files = Files.list(groupsDir())) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    JsonNode n = JSON.readTree(f.toFile());
                    groups.add(new Group(n.path("name").asText(), n.path("tried").asInt(), n.path("passed").asInt(),
                            n.path("lost").asInt(), n.hasNonNull("note") ? n.path("note").asText() : null));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        groups.sort(Comparator.comparingInt((Group g) -> ORDER.contains(g.name()) ? ORDER.indexOf(g.name()) : ORDER.size())
                .thenComparing(Group::name));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("groups");
        for (Group g : groups) {
            array.addObject().put("name", g.name()).put("tried", g.tried()).put("passed", g.passed()).put("lost", g.lost());
        }
        try {
            Files.createDirectories(target());
            writeAtomically(target().resolve("reliability.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    /** Forgets the groups of an earlier run, so reliability.json holds this run's only. */
    private static void clear() {
        if (!Files.isDirectory(groupsDir())) {
            return;
        }
        try (Stream<Path> files = Files.list(groupsDir())) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(target().resolve("reliability.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A check of one case. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /**
     * Counts a group's cases: each {@link #check} is one try; it passes when it returns, and counts as lost when
     * it fails with a {@link DataLossError}. {@link #finish} records the figures and only then asserts them.
     */
    public static final class Tally {
        private final String group;
        private final long started = System.nanoTime();
        private int tried;
        private int passed;
        private int lost;
        private final List<String> failures = new ArrayList<>();

        public Tally(String group) {
            this.group = group;
        }

        public synchronized void check(String what, Check check) {
            tried++;
            try {
                check.run();
                passed++;
            } catch (DataLossError e) {
                lost++;
                failures.add(what + ": DATA LOST: " + e.getMessage());
            } catch (Throwable e) {
                failures.add(what + ": " + e);
            }
        }

        /** Adds figures counted elsewhere (the crash campaign's rounds). */
        public synchronized void add(int moreTried, int morePassed, int moreLost, String failure) {
            tried += moreTried;
            passed += morePassed;
            lost += moreLost;
            if (failure != null) {
                failures.add(failure);
            }
        }

        public synchronized void fail(String failure) {
            failures.add(failure);
        }

        public int tried() {
            return tried;
        }

        /** Records the group, then fails the build unless every case passed and nothing was lost. */
        public synchronized void finish(String note) {
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            String fullNote = (note == null || note.isBlank() ? "" : note + ", ") + seconds + " s";
            record(new Group(group, tried, passed, lost, fullNote));
            failures.forEach(f -> System.out.println("reliability: " + group + ": FAILED " + f));
            assertThat(failures).as("%s: failed cases", group).isEmpty();
            assertThat(lost).as("%s: cases that lost or corrupted data", group).isZero();
            assertThat(passed).as("%s: passed of tried", group).isEqualTo(tried);
            assertThat(tried).as("%s: cases tried", group).isPositive();
        }
    }
}
