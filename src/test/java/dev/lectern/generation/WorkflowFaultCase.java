package dev.lectern.generation;

import static dev.lectern.testing.TestProjects.LECTURE;
import static dev.lectern.testing.TestProjects.SEGMENT;
import static dev.lectern.testing.TestProjects.SEGMENT_REF;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.CallTuning;
import dev.lectern.provider.HttpClientFactory;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.RecordingSleeper;
import dev.lectern.provider.RetryPolicy;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.SecretSources;
import dev.lectern.testing.FakeKeychain;
import dev.lectern.provider.UserDirectories;
import dev.lectern.provider.WireFault;
import dev.lectern.provider.WireFormat;
import dev.lectern.storage.Access;
import dev.lectern.storage.LectureExporter;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.testing.DataLossError;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;

/**
 * One case of the workflow fault matrix, shared by {@code WorkflowFaultMatrixTest} and the reliability suite: a
 * real project file, a real providers.json, the services as the app wires them, and a MockWebServer speaking one
 * vendor's format and committing one {@link WireFault}. Every fault ends the run failed with one clear line and
 * leaves the lecture and the segment as they were; every success leaves a preview for review and changes the
 * segment only when it is accepted. A project changed when it must not be fails with a {@link DataLossError}.
 */
public final class WorkflowFaultCase implements AutoCloseable {
    /** One client for every case, as the app has one. */
    static final OkHttpClient HTTP = HttpClientFactory.create();
    /** The timeout of the case that hangs; the others get {@link #TIMEOUT}. */
    public static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** "Bounded time": no case may take longer than its timeout and this. */
    public static final Duration SLACK = Duration.ofSeconds(5);

    private final Path dir;
    private final MockWebServer server = new MockWebServer();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private Project project;

    public WorkflowFaultCase(Path dir) throws Exception {
        this.dir = Files.createDirectories(dir);
        server.start();
    }

    @Override
    public void close() {
        if (project != null) {
            project.close();
        }
        server.close();
    }

    /** Lets the shared client's threads go; the JVM would otherwise keep them a minute. */
    public static void shutdown() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    /**
     * The app's injector with the per-user directory in the temp dir, keys from a made-up environment, and
     * clients whose retry waits are recorded instead of slept. {@code provider} is written to providers.json.
     */
    Injector injector(ProviderConfig provider) {
        Path configDir = dir.resolve("config");
        if (provider != null) {
            new ProvidersConfigStore(configDir.resolve(ProvidersConfigStore.FILE_NAME)).add(provider, false);
        }
        Map<String, String> env = Map.of("LECTERN_CONFIG_DIR", configDir.toString(), WireFormat.KEY_ENV, WireFormat.SECRET);
        SecretResolver secrets = new SecretSources(env, FakeKeychain.none());
        CallTuning tuning = new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.systemUTC(), Duration.ofMillis(1));
        return Guice.createInjector(Modules.override(new AppModule()).with(b -> {
            b.bind(UserDirectories.class).toInstance(new UserDirectories(env, System::getProperty));
            b.bind(SecretResolver.class).toInstance(secrets);
            b.bind(ProviderClients.class).toInstance(new ProviderClients(HTTP, secrets, tuning));
        }));
    }

    Project openProject(Injector injector) {
        Path file = dir.resolve("course.lectern");
        TestProjects.create(file);
        project = injector.getInstance(ProjectFiles.class).open(file, Access.READ_WRITE);
        return project;
    }

    MockWebServer server() {
        return server;
    }

    /** Regenerates against the faulty server, checks the stated outcome, and accepts a success. Returns the wall time. */
    public Duration run(WireFormat f, WireFault c) throws Exception {
        Duration timeout = c == WireFault.HANGS_PAST_THE_TIMEOUT ? HANG_TIMEOUT : TIMEOUT;
        ProviderConfig config = f.config(server.url("/").toString()).withTimeout(timeout);
        Injector injector = injector(config);
        RunService runs = injector.getInstance(RunService.class);
        LectureExporter exporter = injector.getInstance(LectureExporter.class);
        Project p = openProject(injector);
        String imageId = TestProjects.imageId(SEGMENT);
        String model = config.id() + "/" + f.request().model();
        String prompt = "A lighthouse at dawn, in watercolour";
        byte[] image = TestImages.png(96, 54, Color.CYAN);
        c.enqueue(f, server, image);
        String exportBefore = exporter.exportJson(p, LECTURE);
        byte[] committedBefore = p.images().bytes(imageId, 1).orElseThrow();

        long started = System.nanoTime();
        Run run = runs.regenerate(p, SEGMENT_REF, prompt, model);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // whatever happened, nothing the author sees has changed yet
        DataLossError.guard(() -> {
            assertThat(exporter.exportJson(p, LECTURE)).as("the lecture's export before any accept").isEqualTo(exportBefore);
            assertThat(segment(p).imageVersion()).as("the segment's version before any accept").isEqualTo(1);
            assertThat(p.images().bytes(imageId, 1)).as("the segment's image bytes").hasValueSatisfying(
                    b -> assertThat(Arrays.equals(b, committedBefore)).isTrue());
        });
        assertThat(took).as("wall time").isLessThan(Duration.ofSeconds(10)).isLessThan(timeout.plus(SLACK));
        assertThat(runs.find(p, run.id())).as("what the project file says").isEqualTo(run);
        assertThat(run.settings().model()).isEqualTo(model);

        if (!c.succeeds()) {
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.preview()).isNull();
            assertThat(run.reviewOutcome()).isNull();
            assertThat(run.error()).as("one clear line").isNotBlank().doesNotContain("\n").contains(c.failureWords)
                    .doesNotContain(WireFormat.SECRET).doesNotContain("Exception").doesNotContain("Unexpected error");
            assertThat(p.images().versions(imageId)).as("no preview version stored").hasSize(1);
            if (c.singleRequest()) {
                assertThat(server.getRequestCount()).isEqualTo(1);
                assertThat(sleeper.waits).isEmpty();
            }
            if (c == WireFault.UNAUTHORIZED_401) {
                assertThat(run.error()).contains(f.credentialEnv());
            }
            return took;
        }

        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_REVIEW);
        assertThat(run.error()).isNull();
        PreviewImage preview = run.preview();
        assertThat(preview.startingImageId()).isEqualTo(imageId);
        assertThat(preview.version()).isEqualTo(2);
        assertThat(preview.sha256()).isEqualTo(ImageContent.sha256(image));
        assertThat(preview.width()).isEqualTo(96);
        assertThat(preview.height()).isEqualTo(54);
        DataLossError.guard(() -> assertThat(p.images().bytes(imageId, preview.version())).as("the bytes the server sent").hasValue(image));
        int retries = c == WireFault.SUCCESS ? 0 : 1;
        assertThat(server.getRequestCount()).isEqualTo(f.successRequests() + retries);
        if (c == WireFault.RATE_LIMITED_THEN_SUCCESS) {
            assertThat(sleeper.waits).as("Retry-After honoured").contains(Duration.ofSeconds(7));
        }
        if (c == WireFault.SERVER_ERROR_THEN_SUCCESS) {
            assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, RetryPolicy.DEFAULT.baseDelay());
        }
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getHeaders().get("Authorization")).isEqualTo(expectedAuthorization(config));
        assertThat(first.getBody().utf8()).contains(prompt);

        Run accepted = runs.review(p, run.id(), SEGMENT, ReviewOutcome.ACCEPTED);

        assertThat(accepted.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(accepted.reviewOutcome()).isEqualTo(ReviewOutcome.ACCEPTED);
        Lecture after = p.lectures().load(LECTURE).orElseThrow();
        DataLossError.guard(() -> {
            assertThat(after.revision()).isEqualTo(TestProjects.REVISION + 1);
            VideoAsset segment = after.video(SEGMENT).orElseThrow();
            assertThat(segment.startingImageId()).as("same image id, new version").isEqualTo(imageId);
            assertThat(segment.imageVersion()).as("the accepted version").isEqualTo(preview.version());
            assertThat(segment.startingImageModel()).isEqualTo(model);
            assertThat(segment.segmentStartImagePrompt()).isEqualTo(prompt);
            assertThat(after.video("seg-1").orElseThrow().imageVersion()).isEqualTo(1);
            assertThat(after.video("seg-3").orElseThrow().imageVersion()).isEqualTo(1);
        });
        return took;
    }

    static VideoAsset segment(Project p) {
        return p.lectures().load(LECTURE).orElseThrow().video(SEGMENT).orElseThrow();
    }

    private static String expectedAuthorization(ProviderConfig config) {
        if (config.basicAuthUser() != null) {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (config.basicAuthUser() + ":" + WireFormat.SECRET).getBytes(StandardCharsets.UTF_8));
        }
        return "Bearer " + WireFormat.SECRET;
    }
}
