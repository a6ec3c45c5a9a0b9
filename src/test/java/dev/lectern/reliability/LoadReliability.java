package dev.lectern.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.generation.RunService;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.testing.DataLossError;
import dev.lectern.testing.FakeAutomatic1111;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * load: 200 regenerations created at once ({@link RunService#create}), then driven by 24 threads against a
 * slow AUTOMATIC1111-shaped server on loopback (50–100 ms a request) configured with concurrency 4. Measured at
 * the server, never more than 4 requests at once; about 20 runs are cancelled while they wait (some for a
 * slot, 14 behind the pool) and end cancelled without a call; every other run ends awaiting review with one call
 * and its preview byte-for-byte what the server sent. {@code tried} counts runs; a run missing or a preview
 * not intact is lost.
 */
class LoadReliability {
    static final int RUNS = 200;
    static final int CONCURRENCY = 4;
    static final int THREADS = 24;
    static final String MODEL = "local/sd";
    /** Runs cancelled mid-queue: some of those waiting for a slot once the server has its first request, more far behind. */
    static final int CANCEL_WAITING = 8;
    static final int CANCEL_BEHIND = 14;

    @TempDir
    Path dir;

    @Test
    void twoHundredQueuedRegenerationsAgainstASlowServer() throws Exception {
        ReliabilityReport.Tally tally = new ReliabilityReport.Tally("load");
        FakeAutomatic1111 sd = new FakeAutomatic1111(7, 50, 100);
        java.util.logging.Logger.getLogger(MockWebServer.class.getName()).setLevel(java.util.logging.Level.SEVERE);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(sd);
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            ProvidersConfigStore providers = new ProvidersConfigStore(dir.resolve("config").resolve(ProvidersConfigStore.FILE_NAME));
            providers.add(new ProviderConfig("local", ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of(),
                    Duration.ofSeconds(30), CONCURRENCY, null, null), false);
            Injector injector = Guice.createInjector(Modules.override(new AppModule())
                    .with(b -> b.bind(ProvidersConfigStore.class).toInstance(providers)));
            RunService runService = injector.getInstance(RunService.class);
            long started = System.nanoTime();
            Set<String> cancelled = new LinkedHashSet<>();
            List<String> skipped = new ArrayList<>();
            Set<String> lateCancels = new LinkedHashSet<>();
            int waitingCancelled = 0;
            try (Project p = injector.getInstance(ProjectFiles.class).create(dir.resolve("load.lectern"), "Load", LoadReliability::populate)) {
                List<Run> created = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    created.add(runService.create(p, "load/s" + i, "load run " + i, MODEL));
                }
                ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                Map<String, Future<Run>> driven = new java.util.LinkedHashMap<>();
                Map<String, Run> returned = new java.util.HashMap<>();
                try {
                    for (Run r : created) {
                        driven.put(r.id(), pool.submit(() -> runService.drive(p, r.id())));
                    }
                    long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (sd.total() == 0 && System.nanoTime() < wait) {
                        Thread.sleep(1);
                    }
                    // Mid-queue: runs whose settings are resolved, waiting for a slot, and runs still behind the pool.
                    // The slots go first come, first served: the runs that got to wait last are the furthest from one.
                    List<Run> waitingForASlot = p.runs().list().stream()
                            .filter(r -> r.status() == RunStatus.QUEUED && r.settings() != null)
                            .sorted(java.util.Comparator.comparing(LoadReliability::settingsResolvedAt).reversed())
                            .limit(CANCEL_WAITING).toList();
                    List<Run> targets = new ArrayList<>(waitingForASlot);
                    for (int i = RUNS / 2; i < RUNS && targets.size() < CANCEL_WAITING + CANCEL_BEHIND; i += RUNS / 2 / CANCEL_BEHIND) {
                        targets.add(created.get(i));
                    }
                    for (Run r : targets) {
                        // Still queued when the cancel was recorded: it had not started generating, and cannot now
                        // without seeing the cancel; one that had is checked to end cancelled all the same.
                        Run answer = runService.cancel(p, r.id());
                        if (answer.status() == RunStatus.QUEUED
                                || answer.status() == RunStatus.CANCELLED && sd.calls(r.requestedPrompt()) == 0) {
                            cancelled.add(r.id());
                        } else {
                            lateCancels.add(r.id());
                            skipped.add(r.segmentId() + " (" + answer.status().wireName() + ")");
                        }
                    }
                    waitingCancelled = (int) waitingForASlot.stream().filter(r -> cancelled.contains(r.id())).count();
                    for (Map.Entry<String, Future<Run>> e : driven.entrySet()) {
                        try {
                            returned.put(e.getKey(), e.getValue().get(90, TimeUnit.SECONDS));
                        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException failed) {
                            tally.fail("driving run " + e.getKey() + ": " + failed);
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

                Map<String, Run> after = p.runs().list().stream().collect(Collectors.toMap(Run::id, Function.identity()));
                for (Run r : created) {
                    tally.check("run " + r.id(), () -> {
                        Run now = after.get(r.id());
                        DataLossError.guard(() -> assertThat(now).as("run %s is still in the project", r.id()).isNotNull());
                        assertThat(returned.get(r.id())).as("what driving run %s returned", r.id()).isEqualTo(now);
                        if (lateCancels.contains(r.id())) {
                            // cancelled just as it got its slot: it ends cancelled all the same
                            assertThat(now.status()).as("run %s, cancelled as it started generating", r.id()).isEqualTo(RunStatus.CANCELLED);
                            return;
                        }
                        if (cancelled.contains(r.id())) {
                            assertThat(now.status()).as("run %s, cancelled while queued", r.id()).isEqualTo(RunStatus.CANCELLED);
                            assertThat(now.preview()).isNull();
                            assertThat(sd.calls(r.requestedPrompt())).as("calls for run %s, cancelled while queued", r.id()).isZero();
                            return;
                        }
                        assertThat(now.status()).as("run %s (%s)", r.id(), now.error()).isEqualTo(RunStatus.AWAITING_REVIEW);
                        assertThat(sd.calls(r.requestedPrompt())).as("calls for run %s", r.id()).isEqualTo(1);
                        PreviewImage preview = now.preview();
                        DataLossError.guard(() -> {
                            assertThat(preview).as("run %s's preview", r.id()).isNotNull();
                            byte[] bytes = p.images().bytes(preview.startingImageId(), preview.version()).orElseThrow(
                                    () -> new AssertionError("run " + r.id() + "'s preview has no bytes"));
                            assertThat(ImageContent.sha256(bytes)).as("run %s's preview bytes", r.id())
                                    .isEqualTo(preview.sha256()).isEqualTo(sd.sha256(r.requestedPrompt()));
                        });
                    });
                }
                if (after.size() != RUNS) {
                    tally.fail("the project has " + after.size() + " runs, not " + RUNS);
                }
                // A run cancelled while its request is out frees its slot at once; the server (which, unlike a real
                // AUTOMATIC1111, ignores the interrupt the client sends) may still be busy with it for up to 100 ms.
                if (sd.peak() > CONCURRENCY + lateCancels.size()) {
                    tally.fail("the server had " + sd.peak() + " requests at once; the limit is " + CONCURRENCY
                            + (lateCancels.isEmpty() ? "" : " (and " + lateCancels.size() + " cancelled with their request out)"));
                }
                if (cancelled.size() < 15 || waitingCancelled == 0) {
                    tally.fail("only " + cancelled.size() + " runs were cancelled while queued (" + waitingCancelled
                            + " waiting for a slot); too late for " + skipped);
                }
                if (millis > 120_000) {
                    tally.fail("took " + millis + " ms");
                }
                tally.finish(String.format("%d runs, %d cancelled mid-queue (%d waiting for a slot)%s, %d provider calls, at most %d at once (limit %d), %.1f s",
                        RUNS, cancelled.size(), waitingCancelled, skipped.isEmpty() ? "" : ", too late for " + String.join(", ", skipped),
                        sd.total(), sd.peak(), CONCURRENCY, millis / 1000.0));
            }
        }
    }

    /** When the run's settings were resolved: when it went on to wait for a slot. */
    private static java.time.Instant settingsResolvedAt(Run r) {
        return r.messages().stream().filter(m -> m.text().startsWith("Using ")).map(m -> m.at()).findFirst().orElse(r.updatedAt());
    }

    private static void populate(Project p) {
        p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_WIDTH, "128").with(ProjectSettings.IMAGE_HEIGHT, "72"));
        List<VideoAsset> videos = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            videos.add(new VideoAsset("s" + i, "Segment " + i, i, null, null, null, "segment " + i, null, null, Map.of()));
        }
        p.lectures().save(new Lecture("load", "Load", 1, "2026-01-01T00:00:00.000Z", videos, Map.of(), Map.of()));
    }
}
