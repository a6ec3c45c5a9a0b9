package dev.lectern.generation;

import static dev.lectern.testing.TestProjects.LECTURE;
import static dev.lectern.testing.TestProjects.SEGMENT;
import static dev.lectern.testing.TestProjects.SEGMENT_REF;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.Automatic1111Format;
import dev.lectern.provider.CallTuning;
import dev.lectern.provider.ComfyUiFormat;
import dev.lectern.provider.EnvSecretResolver;
import dev.lectern.provider.HttpClientFactory;
import dev.lectern.provider.OpenAiFormat;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.RecordingSleeper;
import dev.lectern.provider.RetryPolicy;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.UserDirectories;
import dev.lectern.provider.WireFormat;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.LectureExporter;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.testing.TestImages;
import dev.lectern.testing.TestProjects;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Must show" for image servers, through the whole regenerate workflow: a real project file, a
 * real providers.json, the services as the app wires them, and a MockWebServer speaking each vendor's format.
 * Every fault ends the run failed with one clear line and leaves the lecture and the segment as they were;
 * every success leaves a preview for review and changes the segment only when it is accepted.
 */
class WorkflowFaultMatrixTest {
    private static final OkHttpClient HTTP = HttpClientFactory.create();

    /** The nine cases of the issue, each with what the server does and, for a failure, the words the message needs. */
    enum Case {
        SUCCESS(null) {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                f.enqueueSuccess(server, image);
            }
        },
        RATE_LIMITED_THEN_SUCCESS(null) {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                        .addHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                        .build());
                f.enqueueSuccess(server, image);
            }
        },
        SERVER_ERROR_THEN_SUCCESS(null) {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                server.enqueue(WireFormat.json(500, "{\"error\":\"Internal Server Error\"}"));
                f.enqueueSuccess(server, image);
            }
        },
        HANGS_PAST_THE_TIMEOUT("within 1 s") {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
            }
        },
        OK_BUT_NOT_JSON("not JSON") {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                server.enqueue(new MockResponse(200, Headers.of("Content-Type", "text/html"),
                        "<html><body>Welcome to nginx!</body></html>"));
            }
        },
        JSON_BUT_NOT_AN_IMAGE("not a usable image") {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                f.enqueueSuccess(server, "GIF89a but not really an image at all".getBytes(StandardCharsets.US_ASCII));
            }
        },
        PNG_CLAIMING_100000_SQUARED("100000×100000") {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                f.enqueueSuccess(server, TestImages.pngHeader(100_000, 100_000));
            }
        },
        CONTENT_POLICY_400("safety system") {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                server.enqueue(f.contentPolicy());
                f.enqueueSuccess(server, image); // must never be fetched
            }
        },
        UNAUTHORIZED_401("key was rejected") {
            @Override
            void enqueue(WireFormat f, MockWebServer server, byte[] image) {
                server.enqueue(f.unauthorized());
                f.enqueueSuccess(server, image); // must never be fetched
            }
        };

        /** Null for the cases that succeed; else words the run's error must contain. */
        final String failureWords;

        Case(String failureWords) {
            this.failureWords = failureWords;
        }

        abstract void enqueue(WireFormat f, MockWebServer server, byte[] image);

        boolean succeeds() {
            return failureWords == null;
        }

        /** Failures that retrying cannot fix: exactly one request, and no wait. */
        boolean singleRequest() {
            return this == OK_BUT_NOT_JSON || this == CONTENT_POLICY_400 || this == UNAUTHORIZED_401;
        }
    }

    static Stream<Arguments> matrix() {
        return Stream.of(new OpenAiFormat(), new Automatic1111Format(), new ComfyUiFormat())
                .flatMap(f -> Stream.of(Case.values()).map(c -> Arguments.of(f, c)));
    }

    @TempDir
    Path dir;
    private MockWebServer server;
    private RecordingSleeper sleeper;
    private Project project;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() {
        if (project != null) {
            project.close();
        }
        server.close();
    }

    @AfterAll
    static void shutdown() {
        HTTP.dispatcher().executorService().shutdown();
        HTTP.connectionPool().evictAll();
    }

    /**
     * The app's injector with the per-user directory in the temp dir, keys from a made-up environment, and
     * clients whose retry waits are recorded instead of slept. {@code provider} is written to providers.json.
     */
    private Injector injector(ProviderConfig provider) {
        Path configDir = dir.resolve("config");
        if (provider != null) {
            new ProvidersConfigStore(configDir.resolve(ProvidersConfigStore.FILE_NAME)).add(provider, false);
        }
        Map<String, String> env = Map.of("LECTERN_CONFIG_DIR", configDir.toString(), WireFormat.KEY_ENV, WireFormat.SECRET);
        SecretResolver secrets = new EnvSecretResolver(env);
        CallTuning tuning = new CallTuning(RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.systemUTC(), Duration.ofMillis(1));
        return Guice.createInjector(Modules.override(new AppModule()).with(b -> {
            b.bind(UserDirectories.class).toInstance(new UserDirectories(env, System::getProperty));
            b.bind(SecretResolver.class).toInstance(secrets);
            b.bind(ProviderClients.class).toInstance(new ProviderClients(HTTP, secrets, tuning));
        }));
    }

    private Project openProject(Injector injector) {
        Path file = dir.resolve("course.lectern");
        TestProjects.create(file);
        project = injector.getInstance(ProjectFiles.class).open(file, Access.READ_WRITE);
        return project;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void regenerate_ends_in_the_stated_outcome_and_only_an_accept_changes_the_segment(WireFormat f, Case c) throws Exception {
        ProviderConfig config = f.config(server.url("/").toString())
                .withTimeout(c == Case.HANGS_PAST_THE_TIMEOUT ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
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

        assertThat(took).as("wall time").isLessThan(Duration.ofSeconds(10));
        assertThat(runs.find(p, run.id())).as("what the project file says").isEqualTo(run);
        assertThat(run.settings().model()).isEqualTo(model);
        // whatever happened, nothing the author sees has changed yet
        assertThat(exporter.exportJson(p, LECTURE)).isEqualTo(exportBefore);
        assertThat(segment(p).imageVersion()).isEqualTo(1);
        assertThat(p.images().bytes(imageId, 1)).hasValue(committedBefore);

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
            if (c == Case.UNAUTHORIZED_401) {
                assertThat(run.error()).contains(f.credentialEnv());
            }
            return;
        }

        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_REVIEW);
        assertThat(run.error()).isNull();
        PreviewImage preview = run.preview();
        assertThat(preview.startingImageId()).isEqualTo(imageId);
        assertThat(preview.version()).isEqualTo(2);
        assertThat(preview.sha256()).isEqualTo(ImageRepository.sha256(image));
        assertThat(preview.width()).isEqualTo(96);
        assertThat(preview.height()).isEqualTo(54);
        assertThat(p.images().bytes(imageId, preview.version())).as("the bytes the server sent").hasValue(image);
        int retries = c == Case.SUCCESS ? 0 : 1;
        assertThat(server.getRequestCount()).isEqualTo(f.successRequests() + retries);
        if (c == Case.RATE_LIMITED_THEN_SUCCESS) {
            assertThat(sleeper.waits).as("Retry-After honoured").contains(Duration.ofSeconds(7));
        }
        if (c == Case.SERVER_ERROR_THEN_SUCCESS) {
            assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, RetryPolicy.DEFAULT.baseDelay());
        }
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.getHeaders().get("Authorization")).isEqualTo(expectedAuthorization(config));
        assertThat(first.getBody().utf8()).contains(prompt);

        Run accepted = runs.review(p, run.id(), SEGMENT, ReviewOutcome.ACCEPTED);

        assertThat(accepted.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(accepted.reviewOutcome()).isEqualTo(ReviewOutcome.ACCEPTED);
        Lecture after = p.lectures().load(LECTURE).orElseThrow();
        assertThat(after.revision()).isEqualTo(TestProjects.REVISION + 1);
        VideoAsset segment = after.video(SEGMENT).orElseThrow();
        assertThat(segment.startingImageId()).as("same image id, new version").isEqualTo(imageId);
        assertThat(segment.imageVersion()).isEqualTo(preview.version());
        assertThat(segment.startingImageModel()).isEqualTo(model);
        assertThat(segment.segmentStartImagePrompt()).isEqualTo(prompt);
        assertThat(after.video("seg-1").orElseThrow().imageVersion()).isEqualTo(1);
        assertThat(after.video("seg-3").orElseThrow().imageVersion()).isEqualTo(1);
    }

    @Test
    void a_model_of_a_provider_nobody_configured_fails_the_run_and_says_how_to_add_it() {
        Injector injector = injector(null);
        RunService runs = injector.getInstance(RunService.class);
        LectureExporter exporter = injector.getInstance(LectureExporter.class);
        Project p = openProject(injector);
        String exportBefore = exporter.exportJson(p, LECTURE);

        Run run = runs.regenerate(p, SEGMENT_REF, null, "studio-gpu/sdxl-turbo");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).doesNotContain("\n").contains("studio-gpu").contains("not configured")
                .contains("lectern providers add studio-gpu");
        assertThat(run.preview()).isNull();
        assertThat(exporter.exportJson(p, LECTURE)).isEqualTo(exportBefore);
        assertThat(p.images().versions(TestProjects.imageId(SEGMENT))).hasSize(1);
        assertThat(server.getRequestCount()).isZero();
    }

    private static VideoAsset segment(Project p) {
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
