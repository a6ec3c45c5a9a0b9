package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import dev.lectern.ui.main.ImageVersionTag;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.store.ProjectSession;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures, not asserts, how long the FX thread is unavailable while 500 thumbnails load and generations run.
 * A probe thread posts a task to the FX thread every 4 ms and records how late each one runs.
 *
 * <p>The workload runs twice in one window: first on a freshly started JVM ("cold": every code path is still
 * interpreted and the JIT compilers take a core), then on a second 500-segment project with its own images,
 * so the thumbnails are cold but the code is warm ("warm": the app after its first minute of use).
 * Run: {@code mvn -q test -Dtest=FxResponsivenessFixture -Dsurefire.failIfNoSpecifiedTests=false}; the figures
 * are printed and written to {@code target/fx-responsiveness.json}.
 */
class FxResponsivenessFixture {
    static final int SEGMENTS = 500;
    static final int GENERATIONS = 20;

    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();

    @Test
    void measureTheFxThreadWhileThumbnailsLoadAndGenerationsRun() throws Exception {
        Path first = home.resolve("first.lectern");
        Path second = home.resolve("second.lectern");
        createProject(first, "First", 0f);
        createProject(second, "Second", 0.5f);
        try (TestApp.Launched app = TestApp.launch(home, b -> { }, first.toString())) {
            ProjectSession session = app.get(ProjectSession.class);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size()) == SEGMENTS);
            String cold = exercise(session, "cold");
            fx(() -> {
                session.open(second, e -> { });
                return null;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> session.store().lectureProperty().get() != null
                    && session.store().lectureProperty().get().title().equals("Second") && session.store().segments().size() == SEGMENTS));
            String warm = exercise(session, "warm");
            Files.writeString(Path.of("target", "fx-responsiveness.json"), "{" + cold + ", " + warm + "}\n");
        }
    }

    /** Generations started, every segment scrolled to and selected, the previews accepted; returns the JSON figures. */
    private String exercise(ProjectSession session, String name) throws Exception {
        List<Long> lateness = new ArrayList<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            while (probing.get()) {
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    synchronized (lateness) {
                        lateness.add(System.nanoTime() - posted);
                    }
                });
                try {
                    Thread.sleep(4);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "fx-probe");
        probe.setDaemon(true);
        Map<String, Integer> hot = new java.util.concurrent.ConcurrentHashMap<>();
        Thread sampler = new Thread(() -> sample(probing, hot), "fx-sampler");
        sampler.setDaemon(true);
        long start = System.nanoTime();
        probe.start();
        sampler.start();
        for (int i = 0; i < GENERATIONS; i++) {
            String segment = String.format(Locale.ROOT, "s%03d", i * 7);
            fx(() -> {
                session.regenerate(segment);
                return null;
            });
        }
        ListView<SegmentItem> list = robot.lookup("#segmentList").queryListView();
        for (int index = 0; index < SEGMENTS; index += 6) {
            int at = index;
            fx(() -> {
                list.scrollTo(at);
                list.getSelectionModel().select(at);
                return null;
            });
            Thread.sleep(25);
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream()
                .filter(r -> r.status() == RunStatus.AWAITING_REVIEW).count()) >= GENERATIONS);
        for (Run run : fx(() -> List.copyOf(session.runs()))) {
            fx(() -> {
                session.review(run, ReviewOutcome.ACCEPTED);
                return null;
            });
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream()
                .allMatch(r -> r.status() == RunStatus.SUCCEEDED)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(".segment-cell .image-view")
                .queryAllAs(ImageView.class).stream().allMatch(v -> ImageVersionTag.get(v) != null)));
        int loadedViews = fx(() -> robot.lookup(".segment-cell .image-view").queryAllAs(ImageView.class).size());
        probing.set(false);
        probe.join();
        sampler.join();
        WaitForAsyncUtils.waitForFxEvents();
        hot.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.println("  " + name + ": FX thread busy in " + e.getKey() + ": " + e.getValue() + " samples"));
        double seconds = (System.nanoTime() - start) / 1e9;
        return report(name, lateness, seconds, loadedViews);
    }

    /** A poor man's profiler: where the FX thread is when it is not idle, by its innermost Lectern or JavaFX frame. */
    private static void sample(AtomicBoolean running, Map<String, Integer> hot) {
        Thread fx = null;
        while (running.get()) {
            if (fx == null) {
                fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("JavaFX Application Thread")).findFirst().orElse(null);
            } else {
                StackTraceElement[] stack = fx.getStackTrace();
                boolean idle = stack.length > 0 && stack[0].getMethodName().equals("_runLoop") || stack.length > 0 && stack[0].isNativeMethod()
                        && stack.length > 1 && stack[1].getMethodName().contains("runLoop");
                if (!idle && stack.length > 0) {
                    String where = java.util.Arrays.stream(stack).filter(f -> f.getClassName().startsWith("dev.lectern")).findFirst()
                            .map(f -> f.getClassName().replace("dev.lectern.", "") + "." + f.getMethodName())
                            .orElse(java.util.Arrays.stream(stack).filter(f -> !f.getClassName().startsWith("java.")
                                    && !f.getClassName().startsWith("jdk.")).findFirst().map(f -> f.getClassName() + "." + f.getMethodName())
                                    .orElse(stack[0].getClassName() + "." + stack[0].getMethodName()));
                    hot.merge(where, 1, Integer::sum);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String report(String name, List<Long> lateness, double seconds, int views) {
        List<Long> sorted;
        synchronized (lateness) {
            sorted = new ArrayList<>(lateness);
        }
        assertThat(sorted).as("the probe ran").hasSizeGreaterThan(100);
        sorted.sort(Long::compare);
        double max = sorted.get(sorted.size() - 1) / 1e6;
        double p99 = sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        long over50 = sorted.stream().filter(n -> n > 50_000_000L).count();
        System.out.println(String.format(Locale.ROOT, "FX thread (%s) while %d thumbnails load and %d generations run and are accepted: "
                + "%d probes over %.1f s, median %.1f ms, p99 %.1f ms, max %.1f ms, %d over 50 ms (%d list views at the end)",
                name, SEGMENTS, GENERATIONS, sorted.size(), seconds, p50, p99, max, over50, views));
        return String.format(Locale.ROOT, "\"%s\": {\"segments\": %d, \"generations\": %d, \"probes\": %d, \"seconds\": %.2f, "
                + "\"median_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.2f, \"over_50ms\": %d}",
                name, SEGMENTS, GENERATIONS, sorted.size(), seconds, p50, p99, max, over50);
    }

    /** 500 segments with distinct 640×360 images; {@code hue} keeps two projects' images (and thumbnails) apart. */
    private static void createProject(Path file, String title, float hue) {
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(file, "Five hundred segments", p -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < SEGMENTS; i++) {
                String id = String.format(Locale.ROOT, "s%03d", i);
                Color corner = Color.getHSBColor(hue + i / (float) SEGMENTS, 0.8f, 0.9f);
                int v = p.images().add("video-img-big-" + id, TestImages.png(640, 360, corner), ImageRepository.Provenance.UNKNOWN).version();
                videos.add(new VideoAsset(id, "Segment " + i, i, null, "video-img-big-" + id, "titlecard", "prompt number " + i, null, v, Map.of()));
            }
            p.lectures().save(new Lecture("big", title, 1, Timestamps.format(Instant.now()), videos, Map.of(), Map.of()));
        }).close();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
