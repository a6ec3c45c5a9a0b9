package dev.lectern.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmarks' shared harness: interleaved measurement (each figure beside its limit, in the same rounds, so
 * load from other processes hits both alike), medians, and the results table. Each benchmark class reports its
 * rows when it ends: they are printed and merged by name into {@code target/bench.json} under a file lock; once
 * every benchmark of {@link #ALL} has reported in this JVM the whole table is printed again.
 */
public final class BenchResults {
    static final List<String> ALL = List.of("open", "store-preview", "accept", "restore", "versions", "generate", "batch", "thumbnail", "start");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<Row> ROWS = new ArrayList<>();
    private static final List<String> REPORTED = new ArrayList<>();

    private BenchResults() {
    }

    /** One figure beside its limit; {@code target} is the highest acceptable ratio, null when there is none. */
    public record Row(String name, double ms, double limitMs, Double target, Map<String, Object> extra) {
        double ratio() {
            return limitMs == 0 ? Double.NaN : ms / limitMs;
        }

        boolean ok() {
            return target == null || ratio() <= target;
        }
    }

    /** One measured thing: returns the nanoseconds it took (so set-up and tear-down can be left out). */
    @FunctionalInterface
    public interface Timed {
        long nanos() throws Exception;
    }

    /** Medians in milliseconds of the two sides, and every sample. */
    public record Pair(double ms, double limitMs, double[] samples, double[] limitSamples) {
    }

    /**
     * {@code warmups} unmeasured rounds, then {@code rounds} measured ones; in each round both sides run, the
     * order alternating from round to round.
     */
    public static Pair interleaved(int warmups, int rounds, Timed figure, Timed limit) throws Exception {
        for (int i = 0; i < warmups; i++) {
            figure.nanos();
            limit.nanos();
        }
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            if (i % 2 == 0) {
                a[i] = figure.nanos() / 1e6;
                b[i] = limit.nanos() / 1e6;
            } else {
                b[i] = limit.nanos() / 1e6;
                a[i] = figure.nanos() / 1e6;
            }
        }
        return new Pair(median(a), median(b), a, b);
    }

    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public static long timed(ThrowingRunnable r) throws Exception {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public static synchronized void add(String name, Pair p, Double target, Map<String, Object> extra) {
        Map<String, Object> all = new LinkedHashMap<>(extra);
        all.put("samples_ms", round(p.samples()));
        all.put("limit_samples_ms", round(p.limitSamples()));
        ROWS.removeIf(r -> r.name().equals(name));
        ROWS.add(new Row(name, p.ms(), p.limitMs(), target, all));
    }

    /** Prints this benchmark's rows, merges them into target/bench.json, and prints the whole table once all ran. */
    public static synchronized void report(String benchmark) {
        List<Row> mine = ROWS.stream().filter(r -> r.name().equals(benchmark) || r.name().startsWith(benchmark + "-")).toList();
        REPORTED.add(benchmark);
        try {
            merge(mine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (REPORTED.containsAll(ALL)) {
            System.out.println();
            System.out.println("Lectern benchmarks (medians; each figure measured beside its limit in the same run) -> " + jsonFile());
            System.out.print(table(ROWS));
        } else {
            System.out.print(table(mine));
        }
        System.out.flush();
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-26s %10s %10s %7s %8s  %s%n", "benchmark", "ms", "limit_ms", "ratio", "target", "result");
        sb.append(header).append("-".repeat(header.length() - 1)).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-26s %10.1f %10.1f %7.2f %8s  %s%n", r.name(), r.ms(), r.limitMs(), r.ratio(),
                    r.target() == null ? "-" : "<= " + r.target(), r.target() == null ? "info" : r.ok() ? "ok" : "MISSED"));
            Object note = r.extra().get("note");
            if (note != null) {
                sb.append("    ").append(note).append('\n');
            }
        }
        return sb.toString();
    }

    static Path jsonFile() {
        String jar = System.getProperty("lectern.jar");
        Path target = jar != null ? Path.of(jar).toAbsolutePath().getParent() : Path.of("target").toAbsolutePath();
        return target.resolve("bench.json");
    }

    private static void merge(List<Row> rows) throws IOException {
        Path file = jsonFile();
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file.resolveSibling("bench.json.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            if (Files.exists(file)) {
                try {
                    for (JsonNode n : JSON.readTree(file.toFile())) {
                        byName.put(n.path("name").asText(), n);
                    }
                } catch (IOException unreadable) {
                    // a damaged results file is replaced
                }
            }
            for (Row r : rows) {
                ObjectNode n = JSON.createObjectNode();
                n.put("name", r.name());
                n.put("ms", round(r.ms()));
                n.put("limit_ms", round(r.limitMs()));
                n.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
                if (r.target() == null) {
                    n.putNull("target");
                } else {
                    n.put("target", r.target());
                }
                r.extra().forEach((k, v) -> n.set(k, JSON.valueToTree(v)));
                byName.put(r.name(), n);
            }
            ArrayNode out = JSON.createArrayNode();
            List<JsonNode> ordered = new ArrayList<>(byName.values());
            ordered.sort((x, y) -> Integer.compare(order(x.path("name").asText()), order(y.path("name").asText())));
            ordered.forEach(out::add);
            Path temp = file.resolveSibling("bench.json.tmp");
            Files.write(temp, JSON.writeValueAsString(out).getBytes(StandardCharsets.UTF_8));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static int order(String name) {
        for (int i = 0; i < ALL.size(); i++) {
            if (name.equals(ALL.get(i)) || name.startsWith(ALL.get(i) + "-")) {
                return i;
            }
        }
        return ALL.size();
    }

    static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    static double[] round(double[] ms) {
        double[] r = new double[ms.length];
        for (int i = 0; i < ms.length; i++) {
            r[i] = round(ms[i]);
        }
        return r;
    }
}
