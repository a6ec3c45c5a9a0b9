package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on one provider never exceed its configured concurrency, whatever the number of runs. */
class ProviderConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void theProviderLimitHoldsAcrossRuns() throws Exception {
        ProvidersConfigStore store = new ProvidersConfigStore(dir.resolve("providers.json"));
        store.add(new ProviderConfig("gpu", ProviderConfig.Type.AUTOMATIC1111, "http://127.0.0.1:7860", null, List.of(),
                ProviderConfig.DEFAULT_TIMEOUT, 2, null, null), false);
        ModelCatalog catalog = new ModelCatalog(store);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        byte[] png = TestImages.png(64, 36);
        // The first generations wait here until a run behind them says it is waiting for a slot.
        java.util.concurrent.CountDownLatch someoneWaits = new java.util.concurrent.CountDownLatch(1);
        ImageGenerator counting = (GenerationSettings s, long seed, int count, String palette, java.util.function.BooleanSupplier cancelled) -> {
            int now = inFlight.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            calls.incrementAndGet();
            try {
                someoneWaits.await(10, java.util.concurrent.TimeUnit.SECONDS);
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return List.of(new GeneratedImage(ImageContent.inspected(png), seed, s.model()));
        };
        RegenerateWorkflow workflow = new RegenerateWorkflow(new SettingsResolver(catalog), counting, new ProviderLimits(catalog),
                new WorkflowEvents(), Clock.systemUTC());
        RunService runs = new RunService(workflow, Clock.systemUTC());
        int segments = 8;
        try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).create(dir.resolve("p.lectern"), null, p -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                videos.add(new VideoAsset("s" + i, null, i, null, null, null, "prompt " + i, null, null, Map.of()));
            }
            p.lectures().save(new Lecture("l", "L", 1, "2026-01-01T00:00:00.000Z", videos, Map.of(), Map.of()));
        })) {
            List<Run> created = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                created.add(runs.create(project, "s" + i, null, "gpu/sdxl"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(segments);
            try {
                List<Future<Run>> results = new ArrayList<>();
                created.forEach(r -> results.add(pool.submit(() -> runs.drive(project, r.id()))));
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline && project.runs().list().stream()
                        .noneMatch(r -> r.messages().stream().anyMatch(m -> m.text().startsWith("Waiting for a free slot")))) {
                    Thread.sleep(10);
                }
                someoneWaits.countDown();
                for (Future<Run> f : results) {
                    assertThat(f.get().status()).isEqualTo(RunStatus.AWAITING_REVIEW);
                    assertThat(f.get()).as("the run as driven is the run as stored").isEqualTo(runs.find(project, f.get().id()));
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(calls.get()).isEqualTo(segments);
            assertThat(peak.get()).as("never more than the provider's concurrency").isEqualTo(2);
            assertThat(project.runs().list()).allSatisfy(r -> assertThat(r.messages()).extracting(m -> m.text())
                    .anyMatch(t -> t.startsWith("Generating with")));
            assertThat(project.runs().list()).as("a run that waited for a slot keeps both messages")
                    .anyMatch(r -> r.messages().stream().anyMatch(m -> m.text().startsWith("Waiting for a free slot")));
        }
    }
}
