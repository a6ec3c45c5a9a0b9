package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.generation.BatchService;
import dev.lectern.generation.ControlWatcher;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.FakeAutomatic1111;
import dev.lectern.testing.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control of the whole queue (issue 17): a pause of everything that survives the process, "move to front" asked
 * from another process while a batch runs, and a 429 storm that holds the provider's whole queue instead of
 * failing runs one by one — against AUTOMATIC1111- and OpenAI-shaped servers.
 */
class CliQueueControlTest {
    private static final String LECTURE = CliBatchTest.LECTURE;
    private static final String KEY_ENV = "QUEUE_TEST_OPENAI_KEY";

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
        ProvidersConfigStore providers = CliBatchTest.twelveSegmentsOn(server, file, config);
        providers.add(new ProviderConfig("one-sd", ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of("sdxl"),
                Duration.ofSeconds(10), 1, null, null), false);
        providers.add(new ProviderConfig("oa", ProviderConfig.Type.OPENAI, server.url("/v1").toString(), KEY_ENV, List.of("gpt-image-1"),
                Duration.ofSeconds(20), 3, null, null), false);
        cli = CliRun.in(config).with(KEY_ENV, "sk-test-queue");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aPausedQueueHoldsEveryRunInTheFileUntilItResumes() throws Exception {
        FakeAutomatic1111 fake = new FakeAutomatic1111(7, 0, 10);
        server.setDispatcher(fake);
        assertThat(ok(cli.run("pause", file))).startsWith("queue paused");
        ok(cli.run("batch", file, LECTURE, "--segments", "s01,s02,s03", "--model", "local-sd/sdxl"));

        ok(cli.run("resume", file)); // another process, as the window on opening: drives what is unfinished
        assertThat(server.getRequestCount()).as("held: no call while the queue is paused").isZero();
        JsonNode runs = json.readTree(ok(cli.run("runs", file, "--json")));
        assertThat(runs).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("status").asText()).isEqualTo("queued");
            assertThat(lastMessage(r)).isEqualTo("Held: the queue is paused; it starts when the queue resumes");
        });

        assertThat(ok(cli.run("resume-queue", file, "--wait"))).startsWith("queue resumed");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(json.readTree(ok(cli.run("runs", file, "--json")))).allSatisfy(r ->
                assertThat(r.get("status").asText()).isEqualTo("awaiting_review"));
    }

    @Test
    void moveToFrontFromAnotherProcessGivesTheNextSlotToThatRunAndIsKeptInTheFile() throws Exception {
        FakeAutomatic1111 fake = new FakeAutomatic1111(8, 0, 5);
        fake.hold(1); // the first call stays out until released: the others line up behind it
        List<String> prompts = new CopyOnWriteArrayList<>();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String body = request.getBody().utf8();
                prompts.add(body.replaceAll("(?s).*segment (\\d+) of the big lecture.*", "$1"));
                return fake.dispatch(request);
            }
        });
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE);
             AutoCloseable watch = cli.get(ControlWatcher.class).watch(p)) {
            BatchService batches = cli.get(BatchService.class);
            Batch batch = batches.start(p, LECTURE, List.of("s01", "s02", "s03", "s04", "s05"), "one-sd/sdxl", null);
            CompletableFuture<Batch> driven = CompletableFuture.supplyAsync(() -> batches.drive(p, batch.id()));
            awaitWaiting(p, batch.id(), 4);
            // the last in line: s05, unless its thread reached the free slot before the others were ready to ask
            Run lastInLine = p.runs().inBatch(batch.id()).stream().filter(r -> r.status() == RunStatus.QUEUED)
                    .max(java.util.Comparator.comparing(Run::segmentId)).orElseThrow();
            String last = lastInLine.id();

            CliRun moved = cli.run("move-to-front", file, last); // the project is held here: asked through the file
            assertThat(moved.exitCode()).as(moved.toString()).isZero();
            assertThat(moved.out()).contains("run " + last + " moved to the front of the queue");
            assertThat(p.queue().placesOfQueued()).as("kept in the file").containsKey(last);
            fake.release();

            assertThat(driven.get(30, TimeUnit.SECONDS).count(RunStatus.AWAITING_REVIEW)).isEqualTo(5);
            assertThat(prompts).hasSize(5);
            assertThat(prompts.get(1)).as("the call after the one in flight, of %s", prompts)
                    .isEqualTo(String.valueOf(Integer.parseInt(lastInLine.segmentId().substring(1))));
        }

        CliRun refused = cli.run("move-to-front", file, firstRunId());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("is awaiting_review; only a queued run waits for its turn");
    }

    @Test
    void aFourTwentyNineHoldsEveryCallToTheProviderForItsRetryAfter() throws Exception {
        AtomicLong firstLimitedAt = new AtomicLong();
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                arrivals.add(System.nanoTime());
                if (n.incrementAndGet() == 1) {
                    firstLimitedAt.set(System.nanoTime());
                    return rateLimited("1", null);
                }
                Thread.sleep(300);
                return openAiImage();
            }
        });
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            BatchService batches = cli.get(BatchService.class);
            Batch done = batches.drive(p, batches.start(p, LECTURE, List.of("s01", "s02", "s03", "s04", "s05", "s06"), "oa/gpt-image-1", null).id());
            assertThat(done.count(RunStatus.AWAITING_REVIEW)).as("none failed").isEqualTo(6);
        }
        assertThat(arrivals).hasSize(7);
        long from = firstLimitedAt.get() + TimeUnit.MILLISECONDS.toNanos(100);
        long to = firstLimitedAt.get() + TimeUnit.MILLISECONDS.toNanos(900);
        // Without the hold, the fourth and fifth runs would start at about 300 ms, when the second and third end.
        assertThat(arrivals.stream().filter(t -> t > from && t < to)).as("calls started while the provider asked to wait").isEmpty();
    }

    @Test
    void aRunStillLimitedAfterItsRetriesGoesBackInLineInsteadOfFailing() throws Exception {
        AtomicInteger n = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // five answers: the call and its four retries
                return n.incrementAndGet() <= 5 ? rateLimited(null, "20") : openAiImage();
            }
        });
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            BatchService batches = cli.get(BatchService.class);
            Batch done = batches.drive(p, batches.start(p, LECTURE, List.of("s01"), "oa/gpt-image-1", null).id());
            assertThat(done.count(RunStatus.AWAITING_REVIEW)).isEqualTo(1);
            Run run = p.runs().inBatch(done.id()).get(0);
            assertThat(run.messages()).anySatisfy(m -> assertThat(m.text())
                    .isEqualTo("oa is still limiting the request rate; back in the queue (1 of 3) rather than failing"));
        }
        assertThat(n.get()).isEqualTo(6);
    }

    /** OpenAI's 429 (its docs' error envelope), with Retry-After in seconds or retry-after-ms. */
    private static MockResponse rateLimited(String retryAfter, String retryAfterMs) {
        MockResponse.Builder b = new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"Rate limit reached for images per minute\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        if (retryAfter != null) {
            b.addHeader("Retry-After", retryAfter);
        }
        if (retryAfterMs != null) {
            b.addHeader("retry-after-ms", retryAfterMs);
        }
        return b.build();
    }

    private static MockResponse openAiImage() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"created\":1713833628,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(TestImages.png(64, 36))
                        + "\"}],\"usage\":{\"total_tokens\":100}}").build();
    }

    private String firstRunId() throws Exception {
        return json.readTree(ok(cli.run("runs", file, "--status", "awaiting_review", "--json"))).get(0).get("runId").asText();
    }

    /** Until {@code count} runs of the batch say they wait for a slot. */
    private static void awaitWaiting(Project p, String batchId, int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            long waiting = p.runs().inBatch(batchId).stream().filter(r -> r.status() == RunStatus.QUEUED && !r.messages().isEmpty()
                    && r.messages().get(r.messages().size() - 1).text().startsWith("Waiting for a free slot")).count();
            if (waiting >= count) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the runs never lined up for the slot: " + p.runs().inBatch(batchId).stream()
                .map(r -> r.status() + " " + r.messages().get(r.messages().size() - 1).text()).toList());
    }

    private static String lastMessage(JsonNode run) {
        JsonNode messages = run.get("messages");
        return messages.get(messages.size() - 1).get("text").asText();
    }

    private static String ok(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }
}
