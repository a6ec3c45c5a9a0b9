package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.generation.BatchService;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FakeAutomatic1111;
import dev.lectern.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern batch} (issue 17) through the real command line against an AUTOMATIC1111-shaped server: a
 * 12-segment lecture at concurrency 2, accept-all, a pause that holds the queue, and a server that dies part-way.
 */
class CliBatchTest {
    static final String LECTURE = "lec-big";
    static final int SEGMENTS = 12;
    static final long REVISION = 5;

    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private Path file;
    private MockWebServer server;
    private CliRun.Env cli;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        file = dir.resolve("course.lectern");
        Path config = dir.resolve("config");
        twelveSegmentsOn(server, file, config);
        cli = CliRun.in(config);
    }

    /** The twelve-segment project in {@code file}, and in {@code config} the provider "local-sd" (AUTOMATIC1111, 2 at once) on {@code server}. */
    static ProvidersConfigStore twelveSegmentsOn(MockWebServer server, Path file, Path config) throws Exception {
        createTwelveSegments(file);
        ProvidersConfigStore providers = new ProvidersConfigStore(config.resolve(ProvidersConfigStore.FILE_NAME));
        providers.add(new ProviderConfig("local-sd", ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of("sdxl"),
                Duration.ofSeconds(10), 2, null, null), false);
        return providers;
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void twelveSegmentsAtConcurrencyTwoThenAcceptAll() throws Exception {
        FakeAutomatic1111 fake = new FakeAutomatic1111(3, 40, 120);
        server.setDispatcher(fake);

        JsonNode batch = json.readTree(ok(cli.run("batch", file, LECTURE, "--model", "local-sd/sdxl", "--wait", "--json")));
        assertThat(batch.get("status").asText()).isEqualTo("awaiting_review");
        assertThat(batch.get("counts").get("awaiting_review").asInt()).isEqualTo(SEGMENTS);
        assertThat(batch.get("runs")).hasSize(SEGMENTS);
        assertThat(fake.peak()).as("never more than the provider's concurrency in flight").isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(SEGMENTS);
        String batchId = batch.get("batchId").asText();
        assertThat(ok(cli.run("batches", file))).contains(batchId + " awaiting_review, " + SEGMENTS + " awaiting review (of 12)");

        assertThat(ok(cli.run("review", file, batchId, "--accept-all"))).startsWith("accepted " + SEGMENTS + "; " + batchId + " done");
        try (Project p = open()) {
            Lecture l = p.lectures().load(LECTURE).orElseThrow();
            assertThat(l.videos()).allSatisfy(v -> assertThat(v.imageVersion()).as(v.id()).isEqualTo(2));
            assertThat(l.revision()).as("once per accepted segment").isEqualTo(REVISION + SEGMENTS);
        }
        CliRun again = cli.run("review", file, batchId, "--accept-all");
        assertThat(again.out()).startsWith("accepted 0; ");

        // the runs list in pages, newest first
        List<String> first = ids(json.readTree(ok(cli.run("runs", file, "--limit", "5", "--json"))));
        List<String> second = ids(json.readTree(ok(cli.run("runs", file, "--limit", "5", "--before", first.get(4), "--json"))));
        List<String> all = ids(json.readTree(ok(cli.run("runs", file, "--json"))));
        assertThat(first).hasSize(5).isEqualTo(all.subList(0, 5));
        assertThat(second).hasSize(5).isEqualTo(all.subList(5, 10));
        assertThat(ids(json.readTree(ok(cli.run("runs", file, "--status", "succeeded", "--json"))))).hasSize(SEGMENTS);
        assertThat(ids(json.readTree(ok(cli.run("runs", file, "--status", "failed", "--json"))))).isEmpty();
        CliRun bad = cli.run("runs", file, "--status", "finished");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown status 'finished'").contains("awaiting_review");
    }

    private static List<String> ids(JsonNode runs) {
        List<String> out = new ArrayList<>();
        runs.forEach(r -> out.add(r.get("runId").asText()));
        return out;
    }

    @Test
    void aPausedBatchStartsNothingUntilTheQueueResumesAndThePauseIsInTheFile() throws Exception {
        FakeAutomatic1111 fake = new FakeAutomatic1111(4, 0, 10);
        server.setDispatcher(fake);
        String batchId = ok(cli.run("batch", file, LECTURE, "--segments", "s01,s02,s03", "--model", "local-sd/sdxl")).strip();
        assertThat(ok(cli.run("pause", file, batchId))).contains("paused, 3 queued");

        ok(cli.run("resume", file)); // what the window does on open: drive what is unfinished
        assertThat(server.getRequestCount()).as("held: no call while paused").isZero();
        JsonNode runs = json.readTree(ok(cli.run("runs", file, "--json")));
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.get("status").asText()).isEqualTo("queued");
            assertThat(r.get("messages").get(r.get("messages").size() - 1).get("text").asText()).startsWith("Held: its batch is paused");
        });

        assertThat(ok(cli.run("resume-queue", file, batchId, "--wait"))).contains("awaiting_review, 3 awaiting review (of 3)");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aPauseMidBatchLetsTheRunningCallsFinishAndStartsNoNewOne() throws Exception {
        FakeAutomatic1111 fake = new FakeAutomatic1111(5, 150, 150);
        try (Project p = open()) {
            BatchService batches = cli.get(BatchService.class);
            String[] id = new String[1];
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    if (server.getRequestCount() == 3) {
                        batches.pause(p, id[0]); // while the third call is in flight
                    }
                    return fake.dispatch(request);
                }
            });
            id[0] = batches.start(p, LECTURE, List.of(), "local-sd/sdxl", null).id();
            Batch after = batches.drive(p, id[0]);
            assertThat(server.getRequestCount()).as("the calls in flight at the pause finished; no new one started").isBetween(3, 4);
            assertThat(after.state()).isEqualTo("paused");
            assertThat(after.count(RunStatus.AWAITING_REVIEW)).isEqualTo(server.getRequestCount());
            assertThat(after.count(RunStatus.QUEUED)).isEqualTo(SEGMENTS - server.getRequestCount());
        }
    }

    @Test
    void aServerThatDiesPartWayFailsTheRestWithTheReasonAndRetryFailedFinishesThem() throws Exception {
        FakeAutomatic1111 fake = new FakeAutomatic1111(6, 0, 20);
        boolean[] down = {false};
        // Counted as dispatched, not server.getRequestCount(): two requests arriving together are both counted before
        // either is dispatched, and the fifth would then be refused as the sixth.
        java.util.concurrent.atomic.AtomicInteger dispatched = new java.util.concurrent.atomic.AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (down[0] || dispatched.incrementAndGet() > 5) {
                    down[0] = true;
                    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
                }
                return fake.dispatch(request);
            }
        });
        CliRun r = cli.run("batch", file, LECTURE, "--model", "local-sd/sdxl", "--wait", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode batch = json.readTree(r.out());
        assertThat(batch.get("counts").get("awaiting_review").asInt()).isEqualTo(5);
        assertThat(batch.get("counts").get("failed").asInt()).isEqualTo(7);
        List<String> errors = new ArrayList<>();
        batch.get("runs").forEach(run -> {
            if (run.get("status").asText().equals("failed")) {
                errors.add(run.get("error").asText());
            }
        });
        assertThat(errors).hasSize(7).allSatisfy(e -> assertThat(e).containsIgnoringCase("server unreachable"));
        assertThat(r.err()).contains("--retry-failed " + batch.get("batchId").asText());

        down[0] = false;
        server.setDispatcher(fake);
        String listed = ok(cli.run("batches", file, "--retry-failed", batch.get("batchId").asText()));
        assertThat(listed).contains("awaiting_review, 12 awaiting review (of 12)");
    }

    private Project open() {
        return new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE);
    }

    private static String ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }

    static void createTwelveSegments(Path file) throws IOException {
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(file, "Big", project -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 1; i <= SEGMENTS; i++) {
                String id = String.format("s%02d", i);
                int v = project.images().add("img-" + id, TestImages.png(32, 18), new ImageRepository.Provenance("titlecard", "p" + i, 1L)).version();
                videos.add(new VideoAsset(id, "Part " + i, i - 1, null, "img-" + id, "titlecard", "segment " + i + " of the big lecture",
                        null, v, Map.of()));
            }
            project.lectures().save(new Lecture(LECTURE, "Big", REVISION, Timestamps.format(Instant.parse("2025-03-01T09:30:00Z")),
                    videos, Map.of(), Map.of()));
        }).close();
    }
}
