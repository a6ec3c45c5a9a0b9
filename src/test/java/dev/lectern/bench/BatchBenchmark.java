package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.ModelCatalog;
import dev.lectern.generation.ModelImageGenerator;
import dev.lectern.generation.ProviderLimits;
import dev.lectern.generation.RegenerateWorkflow;
import dev.lectern.generation.RunService;
import dev.lectern.generation.SettingsResolver;
import dev.lectern.generation.WorkflowEvents;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.RunStatus;
import dev.lectern.provider.HttpClientFactory;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * batch (issue 17): one batch of 1,000 segments through the engine — {@code BatchService.start} (a run per segment,
 * one transaction) then {@code drive} (each run's steps committed durably, through the real AUTOMATIC1111 client
 * over OkHttp, at most the provider's concurrency 4 at once) until every run awaits review — beside the same 1,000
 * requests made directly with OkHttp from 4 threads, against a local server answering a small PNG in AUTOMATIC1111's
 * shape. Two rows: {@code batch} with the server at zero latency (TCP_NODELAY, {@link NoDelayServerSockets}), which
 * leaves nothing but the engine's own cost per run in view; {@code batch-50ms} with the server taking 50 ms an image
 * (a very fast GPU), where that cost overlaps the calls as it does in use. Peak heap is sampled every 5 ms during the
 * engine's rounds (garbage included); the heap in use after a full GC at the end of a round is reported beside it.
 */
class BatchBenchmark {
    static final int SEGMENTS = 1000;
    static final int CONCURRENCY = 4;
    static final String MODEL = "local/sdxl";

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("batch");
    }

    @Test
    void batchAtZeroLatency() throws Exception {
        measure("batch", 0, 1, 3);
    }

    @Test
    void batchAtFiftyMillisecondsAnImage() throws Exception {
        measure("batch-50ms", 50, 0, 3);
    }

    private void measure(String name, int serverMillis, int warmups, int rounds) throws Exception {
        byte[] png = TestImages.png(64, 36);
        String answer = GenerateBenchmark.a1111Answer(png);
        AtomicInteger served = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setServerSocketFactory(new NoDelayServerSockets());
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    served.incrementAndGet();
                    Thread.sleep(serverMillis); // each connection has its own thread: calls in flight wait side by side
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(answer).build();
                }
            });
            server.start();
            String base = server.url("/").toString();
            ProvidersConfigStore providers = new ProvidersConfigStore(dir.resolve(name + "-providers.json"));
            providers.add(new ProviderConfig("local", ProviderConfig.Type.AUTOMATIC1111, base, null, List.of(),
                    ProviderConfig.DEFAULT_TIMEOUT, CONCURRENCY, null, null), false);
            ModelCatalog catalog = new ModelCatalog(providers);
            WorkflowEvents events = new WorkflowEvents();
            RegenerateWorkflow workflow = new RegenerateWorkflow(new SettingsResolver(catalog),
                    new ModelImageGenerator(catalog, new ProviderClients(HttpClientFactory.create(), n -> null), new TitleCardRenderer()),
                    new ProviderLimits(catalog), events, Clock.systemUTC());
            BatchService batches = new BatchService(new RunService(workflow, Clock.systemUTC()), events, Clock.systemUTC());
            OkHttpClient direct = new OkHttpClient();
            AtomicInteger projects = new AtomicInteger();
            AtomicLong heapPeak = new AtomicLong();
            AtomicLong retained = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            try (GenerateBenchmark.HeapPeak heap = new GenerateBenchmark.HeapPeak()) {
                BenchResults.Pair p = BenchResults.interleaved(warmups, rounds, () -> {
                    Path file = dir.resolve(name + "-" + projects.incrementAndGet() + ".lectern");
                    GenerateBenchmark.createProject(file, SEGMENTS);
                    try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
                        int servedBefore = served.get();
                        System.gc();
                        heap.start();
                        long t0 = System.nanoTime();
                        Batch batch = batches.drive(project, batches.start(project, "lec", List.of(), MODEL, null).id());
                        long t = System.nanoTime() - t0;
                        heapPeak.accumulateAndGet(heap.stop(), Math::max);
                        assertThat(batch.count(RunStatus.AWAITING_REVIEW)).as("runs awaiting review, of %s", batch.counts()).isEqualTo(SEGMENTS);
                        assertThat(served.get() - servedBefore).as("one request per segment").isEqualTo(SEGMENTS);
                        System.gc();
                        retained.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                        return t;
                    }
                }, () -> {
                    long t0 = System.nanoTime();
                    List<Future<Integer>> calls = new ArrayList<>();
                    for (int i = 0; i < SEGMENTS; i++) {
                        int n = i;
                        calls.add(pool.submit(() -> GenerateBenchmark.directCall(direct, base, n)));
                    }
                    for (Future<Integer> f : calls) {
                        assertThat(f.get()).isEqualTo(png.length);
                    }
                    return System.nanoTime() - t0;
                });
                double peakMb = heapPeak.get() / 1048576.0;
                double retainedMb = retained.get() / 1048576.0;
                double perRunMs = (p.ms() - p.limitMs()) / SEGMENTS * CONCURRENCY;
                System.out.printf("%s: peak heap used during the engine's rounds %.0f MB (target <= 256 MB), %.0f MB after a full GC;"
                        + " the engine adds %.1f ms per run in each of the %d slots%n", name, peakMb, retainedMb, perRunMs, CONCURRENCY);
                BenchResults.add(name, p, 1.15, Map.of("peak_heap_mb", Math.round(peakMb), "peak_heap_target_mb", 256,
                        "retained_heap_mb", Math.round(retainedMb), "server_ms", serverMillis, "engine_ms_per_run_per_slot",
                        Math.round(perRunMs * 10) / 10.0, "note", String.format("a batch of 1,000 segments to awaiting review at"
                                + " concurrency 4 vs 1,000 direct OkHttp calls, server %d ms an image; +%.1f ms per run per slot;"
                                + " peak heap %.0f MB (target <= 256), %.0f MB after GC", serverMillis, perRunMs, peakMb, retainedMb)));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
