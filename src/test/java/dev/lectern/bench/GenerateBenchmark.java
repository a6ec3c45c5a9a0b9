package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.generation.ModelCatalog;
import dev.lectern.generation.ModelImageGenerator;
import dev.lectern.generation.ProviderLimits;
import dev.lectern.generation.RegenerateWorkflow;
import dev.lectern.generation.RunService;
import dev.lectern.generation.SettingsResolver;
import dev.lectern.generation.WorkflowEvents;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.HttpClientFactory;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 3. generate: 500 generations through the workflow engine (RunService.regenerate: create, then drive until the
 * preview waits for review — every step committed durably) on an AUTOMATIC1111 provider with concurrency 4,
 * against a zero-latency local server answering a fixed small PNG, 4 runs at a time; beside the same 500
 * requests made directly with OkHttp from 4 threads (JSON body, JSON answer parsed, image base64-decoded).
 */
class GenerateBenchmark {
    static final int GENERATIONS = 500;
    static final int CONCURRENCY = 4;
    static final int WARMUPS = 1;
    static final int ROUNDS = 3;
    static final String MODEL = "local/sdxl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("generate");
    }

    @Test
    void generate() throws Exception {
        byte[] png = TestImages.png(64, 36);
        String answer = a1111Answer(png);
        AtomicInteger served = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            // Zero latency for real: MockWebServer's own sockets keep Nagle on, and each answer then waits ~45 ms for
            // the client's delayed ACK (docs/benchmarks.md), which the engine's cost hid behind.
            server.setServerSocketFactory(new NoDelayServerSockets());
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    served.incrementAndGet();
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(answer).build();
                }
            });
            server.start();
            String base = server.url("/").toString();
            ProvidersConfigStore providers = new ProvidersConfigStore(dir.resolve("providers.json"));
            providers.add(new ProviderConfig("local", ProviderConfig.Type.AUTOMATIC1111, base, null, List.of(),
                    ProviderConfig.DEFAULT_TIMEOUT, CONCURRENCY, null, null), false);
            ModelCatalog catalog = new ModelCatalog(providers);
            OkHttpClient shared = HttpClientFactory.create();
            RegenerateWorkflow workflow = new RegenerateWorkflow(new SettingsResolver(catalog),
                    new ModelImageGenerator(catalog, new ProviderClients(shared, name -> null), new TitleCardRenderer()),
                    new ProviderLimits(catalog), new WorkflowEvents(), Clock.systemUTC());
            RunService runService = new RunService(workflow, Clock.systemUTC());
            OkHttpClient direct = new OkHttpClient();
            HeapPeak heap = new HeapPeak();
            AtomicInteger projects = new AtomicInteger();
            AtomicLong heapPeak = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
            try {
                BenchResults.Pair p = BenchResults.interleaved(WARMUPS, ROUNDS, () -> {
                    Path file = dir.resolve("gen-" + projects.incrementAndGet() + ".lectern");
                    createProject(file, GENERATIONS);
                    try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, dev.lectern.storage.Access.READ_WRITE)) {
                        System.gc();
                        heap.start();
                        long t0 = System.nanoTime();
                        List<Future<Run>> runs = new ArrayList<>();
                        for (int i = 0; i < GENERATIONS; i++) {
                            String ref = "lec/s" + i;
                            runs.add(pool.submit(() -> runService.regenerate(project, ref, null, MODEL)));
                        }
                        for (Future<Run> f : runs) {
                            Run r = f.get();
                            assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.AWAITING_REVIEW);
                        }
                        long t = System.nanoTime() - t0;
                        heapPeak.accumulateAndGet(heap.stop(), Math::max);
                        return t;
                    }
                }, () -> {
                    long t0 = System.nanoTime();
                    List<Future<Integer>> calls = new ArrayList<>();
                    for (int i = 0; i < GENERATIONS; i++) {
                        int n = i;
                        calls.add(pool.submit(() -> directCall(direct, base, n)));
                    }
                    for (Future<Integer> f : calls) {
                        assertThat(f.get()).isEqualTo(png.length);
                    }
                    return System.nanoTime() - t0;
                });
                double peakMb = heapPeak.get() / 1048576.0;
                System.out.printf("generate: peak heap used during the workflow rounds %.0f MB (target <= 256 MB)%n", peakMb);
                BenchResults.add("generate", p, 1.15, Map.of("peak_heap_mb", Math.round(peakMb), "peak_heap_target_mb", 256,
                        "note", String.format("500 runs to awaiting review at concurrency 4 vs 500 direct OkHttp calls; peak heap %.0f MB (target <= 256)", peakMb)));
            } finally {
                pool.shutdownNow();
                heap.close();
            }
        }
    }

    /** AUTOMATIC1111's txt2img answer with one image: {@code images[]} base64, {@code info} a JSON string. */
    static String a1111Answer(byte[] png) throws Exception {
        return JSON.writeValueAsString(JSON.createObjectNode()
                .<ObjectNode>set("images", JSON.createArrayNode().add(Base64.getEncoder().encodeToString(png)))
                .put("parameters", "{}").put("info", "{\"seed\": 1234, \"all_seeds\": [1234]}"));
    }

    /** The request the AUTOMATIC1111 client sends, the answer read and parsed, the image decoded. */
    static int directCall(OkHttpClient client, String base, int n) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("prompt", "a prompt for segment " + n).put("width", 1024).put("height", 576)
                .put("seed", n).put("steps", 20).put("batch_size", 1).put("n_iter", 1);
        body.putObject("override_settings").put("sd_model_checkpoint", "sdxl");
        body.put("override_settings_restore_afterwards", false);
        Request post = new Request.Builder().url(base + "sdapi/v1/txt2img")
                .post(RequestBody.create(JSON.writeValueAsBytes(body), MediaType.get("application/json; charset=utf-8"))).build();
        try (Response response = client.newCall(post).execute()) {
            JsonNode answer = JSON.readTree(response.body().bytes());
            return Base64.getDecoder().decode(answer.path("images").path(0).asText()).length;
        }
    }

    /** A lecture {@code lec} of segments {@code s0…} with a prompt each and no image yet. */
    static void createProject(Path file, int segments) {
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(file, "Generate", p -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                videos.add(new VideoAsset("s" + i, "Segment " + i, i, null, null, null, "a prompt for segment " + i, null, null, Map.of()));
            }
            p.lectures().save(new Lecture("lec", "Lecture", 1, Timestamps.format(Instant.parse("2026-01-01T00:00:00Z")), videos, Map.of(), Map.of()));
        }).close();
    }

    /** Samples the heap in use every 5 ms while running: the peak includes garbage not yet collected. */
    static final class HeapPeak implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean sampling;
        private final Thread thread;

        HeapPeak() {
            thread = new Thread(() -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                    if (sampling) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    }
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            thread.setDaemon(true);
            thread.start();
        }

        void start() {
            peak.set(0);
            sampling = true;
        }

        long stop() {
            sampling = false;
            return peak.get();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
