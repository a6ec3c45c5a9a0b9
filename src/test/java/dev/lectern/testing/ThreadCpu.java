package dev.lectern.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where this JVM's CPU time went, by group of threads, from Linux's per-thread scheduler counters
 * ({@code /proc/self/task/N/schedstat}: time on a CPU, time runnable but waiting for one). A stall of the UI
 * thread is either work or waiting for a core; these two numbers tell which. Empty where there is no /proc.
 */
public final class ThreadCpu {
    /** Thread-name prefixes (as the kernel truncates them to 15 characters) and the group each counts in. */
    private static final List<String[]> GROUPS = List.of(
            new String[] {"JavaFX Applicat", "UI thread"},
            new String[] {"QuantumRenderer", "renderer"},
            new String[] {"C1 CompilerThre", "compilers"},
            new String[] {"C2 CompilerThre", "compilers"},
            new String[] {"lectern-run", "runs"},
            new String[] {"lectern-backgro", "background"},
            new String[] {"G1 ", "GC"},
            new String[] {"GC Thread", "GC"},
            new String[] {"VM Thread", "GC"});

    private final Map<String, long[]> byThread;

    private ThreadCpu(Map<String, long[]> byThread) {
        this.byThread = byThread;
    }

    public static ThreadCpu now() {
        Map<String, long[]> out = new LinkedHashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new ThreadCpu(out);
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    String[] stat = Files.readString(task.resolve("schedstat")).strip().split(" ");
                    out.put(task.getFileName() + " " + comm, new long[] {Long.parseLong(stat[0]), Long.parseLong(stat[1])});
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(out);
    }

    /** "UI thread 812+95 ms, renderer …": CPU time, then time spent waiting for a CPU, since {@code before}. */
    public String since(ThreadCpu before) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        GROUPS.forEach(g -> groups.putIfAbsent(g[1], new long[2]));
        groups.put("other", new long[2]);
        byThread.forEach((thread, now) -> {
            long[] was = before.byThread.getOrDefault(thread, new long[2]);
            String comm = thread.substring(thread.indexOf(' ') + 1);
            String group = GROUPS.stream().filter(g -> comm.startsWith(g[0])).map(g -> g[1]).findFirst().orElse("other");
            groups.get(group)[0] += now[0] - was[0];
            groups.get(group)[1] += now[1] - was[1];
        });
        StringBuilder text = new StringBuilder();
        groups.forEach((group, t) -> text.append(text.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %d+%d ms", group, t[0] / 1_000_000, t[1] / 1_000_000)));
        return byThread.isEmpty() ? "(no per-thread counters on this system)" : text.toString();
    }
}
