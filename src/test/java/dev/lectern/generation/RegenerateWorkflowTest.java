package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderException;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.LectureJson;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's §5 workflow on a real project file, with the offline title-card model. */
class RegenerateWorkflowTest {
    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
    final WorkflowEvents events = new WorkflowEvents();
    final List<String> seen = new CopyOnWriteArrayList<>();
    Project project;
    ModelCatalog catalog;
    RunService runs;

    @BeforeEach
    void setUp() {
        ProjectFiles files = new ProjectFiles(Schema.current(), clock);
        project = files.create(dir.resolve("p.lectern"), "P", p -> {
            ImageRepository.Provenance old = new ImageRepository.Provenance("titlecard", "old", 1L);
            int v1 = p.images().add("video-img-r0-s1", dev.lectern.testing.TestImages.png(64, 36), old).version();
            p.lectures().save(new Lecture("lec", "Lecture", 3, "2025-01-01T00:00:00.000Z", List.of(
                    new VideoAsset("s1", "One", 0, "/v/s1.mp4", "video-img-r0-s1", "titlecard", "a lighthouse", null, v1, Map.of("keep", "me")),
                    new VideoAsset("s2", "Two", 1, null, null, null, "a harbour", null, null, Map.of())), Map.of("music", List.of()), Map.of()));
        });
        catalog = new ModelCatalog(new ProvidersConfigStore(dir.resolve("providers.json")));
        runs = services(new ModelImageGenerator(catalog, new ProviderClients(new OkHttpClient(), n -> null), new TitleCardRenderer()));
        events.subscribe(e -> {
            if (e instanceof WorkflowEvent.RunEvent r) {
                seen.add(e.getClass().getSimpleName() + ":" + r.run().status().wireName()
                        + ":" + project.runs().find(r.run().id()).orElseThrow().status().wireName());
            }
        });
    }

    private RunService services(ImageGenerator generator) {
        RegenerateWorkflow workflow = new RegenerateWorkflow(new SettingsResolver(catalog), generator, new ProviderLimits(catalog),
                events, clock, Duration.ofDays(7));
        return new RunService(workflow, clock);
    }

    @AfterEach
    void tearDown() {
        project.close();
    }

    @Test
    void regenerateStoresAPreviewWithoutTouchingTheSegment() {
        Lecture before = lecture();
        Run run = runs.regenerate(project, "s1", "a lighthouse at night", null);

        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_REVIEW);
        assertThat(run.preview().startingImageId()).as("the segment keeps its image id").isEqualTo("video-img-r0-s1");
        assertThat(run.preview().version()).isEqualTo(2);
        assertThat(run.waitExpiresAt()).isEqualTo(run.updatedAt().plus(Duration.ofDays(7)));
        assertThat(run.messages()).extracting(m -> m.text()).contains(RegenerateWorkflow.READY_FOR_REVIEW);
        assertThat(project.images().bytes("video-img-r0-s1", 2)).isPresent();
        assertThat(lecture()).isEqualTo(before);
        assertThat(seen).as("the wait is stored before the preview is announced").contains("PreviewReady:awaiting_review:awaiting_review");
        assertThat(seen).noneMatch(e -> e.startsWith("Completed"));
    }

    @Test
    void acceptReplacesTheSegmentWithTheSameIdAndBumpsTheRevision() {
        Lecture before = lecture();
        Run run = runs.regenerate(project, "s1", "a lighthouse at night", null);
        Run done = runs.review(project, run.id(), "s1", ReviewOutcome.ACCEPTED);

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.reviewOutcome()).isEqualTo(ReviewOutcome.ACCEPTED);
        assertThat(done.messages()).last().extracting(m -> m.text()).isEqualTo(RegenerateWorkflow.COMPLETE);
        Lecture after = lecture();
        VideoAsset s1 = after.video("s1").orElseThrow();
        assertThat(s1.startingImageId()).isEqualTo("video-img-r0-s1");
        assertThat(s1.imageVersion()).isEqualTo(2);
        assertThat(s1.segmentStartImagePrompt()).isEqualTo("a lighthouse at night");
        assertThat(s1.startingImageModel()).isEqualTo("titlecard");
        assertThat(s1.videoPath()).isEqualTo("/v/s1.mp4");
        assertThat(s1.extra()).containsEntry("keep", "me");
        assertThat(after.revision()).isEqualTo(before.revision() + 1);
        assertThat(after.updatedAt()).isNotEqualTo(before.updatedAt());
        assertThat(after.video("s2")).isEqualTo(before.video("s2"));
        assertThat(after.otherContent()).isEqualTo(before.otherContent());
        assertThat(seen).last().as("completion is announced after it is saved").isEqualTo("Completed:succeeded:succeeded");
    }

    @Test
    void rejectChangesNothingButTheRun() {
        Lecture before = lecture();
        Run run = runs.regenerate(project, "s1", "something else", null);
        Run done = runs.review(project, run.id(), null, ReviewOutcome.REJECTED);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.reviewOutcome()).isEqualTo(ReviewOutcome.REJECTED);
        assertThat(LectureJson.write(lecture())).isEqualTo(LectureJson.write(before));
        assertThatThrownBy(() -> runs.review(project, run.id(), null, ReviewOutcome.ACCEPTED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not awaiting review").hasMessageContaining("rejected");
    }

    @Test
    void aSegmentWithoutAnImageGetsTheSeedsNewImageId() {
        Run run = runs.regenerate(project, "lec/s2", null, null);
        assertThat(run.preview().startingImageId()).isEqualTo("video-img-" + run.id() + "-s2");
        assertThat(run.preview().version()).isEqualTo(1);
        runs.review(project, run.id(), "s2", ReviewOutcome.ACCEPTED);
        VideoAsset s2 = lecture().video("s2").orElseThrow();
        assertThat(s2.startingImageId()).isEqualTo("video-img-" + run.id() + "-s2");
        assertThat(s2.imageVersion()).isEqualTo(1);
    }

    @Test
    void aNewRegenerateSupersedesTheSegmentsOlderRun() {
        Run first = runs.regenerate(project, "s1", "first", null);
        Run second = runs.regenerate(project, "s1", "second", null);
        Run older = runs.find(project, first.id());
        assertThat(older.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(older.error()).contains("Superseded by run " + second.id());
        assertThat(second.status()).isEqualTo(RunStatus.AWAITING_REVIEW);
        assertThatThrownBy(() -> runs.review(project, first.id(), null, ReviewOutcome.ACCEPTED)).isInstanceOf(InvalidInputException.class);
        assertThat(lecture().video("s1").orElseThrow().imageVersion()).isEqualTo(1);
    }

    @Test
    void theReviewMustMatchTheRunsSegment() {
        Run run = runs.regenerate(project, "s1", null, null);
        assertThatThrownBy(() -> runs.review(project, run.id(), "s2", ReviewOutcome.ACCEPTED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("regenerates segment s1, not s2");
        assertThatThrownBy(() -> runs.review(project, "rnosuchrun", null, ReviewOutcome.ACCEPTED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("there is no run rnosuchrun");
        assertThat(runs.find(project, run.id()).status()).isEqualTo(RunStatus.AWAITING_REVIEW);
    }

    @Test
    void anUnansweredReviewExpiresAfterSevenDays() {
        Run run = runs.regenerate(project, "s1", null, null);
        clock.advance(Duration.ofDays(6));
        assertThat(runs.resume(project)).extracting(Run::status).containsExactly(RunStatus.AWAITING_REVIEW);
        clock.advance(Duration.ofDays(2));
        assertThat(runs.resume(project)).extracting(Run::status).containsExactly(RunStatus.EXPIRED);
        assertThatThrownBy(() -> runs.review(project, run.id(), null, ReviewOutcome.ACCEPTED))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("expired");
        assertThat(lecture().video("s1").orElseThrow().imageVersion()).isEqualTo(1);
    }

    @Test
    void resumeFinishesQueuedRunsAndAppliesRecordedAnswers() {
        Run queued = runs.create(project, "s2", null, null);
        Run waiting = runs.regenerate(project, "s1", "new", null);
        project.runs().recordDecision(waiting.id(), ReviewOutcome.ACCEPTED, 1); // the answer was saved, then the app died

        List<Run> resumed = runs.resume(project);
        assertThat(resumed).extracting(Run::id).containsExactlyInAnyOrder(queued.id(), waiting.id());
        assertThat(runs.find(project, queued.id()).status()).isEqualTo(RunStatus.AWAITING_REVIEW);
        assertThat(runs.find(project, waiting.id()).reviewOutcome()).isEqualTo(ReviewOutcome.ACCEPTED);
        assertThat(lecture().video("s1").orElseThrow().imageVersion()).isEqualTo(waiting.preview().version());
    }

    @Test
    void cancellingAReviewKeepsTheImageAndCancellingTwiceIsRefused() {
        Run run = runs.regenerate(project, "s1", null, null);
        assertThat(runs.cancel(project, run.id()).status()).isEqualTo(RunStatus.CANCELLED);
        assertThatThrownBy(() -> runs.cancel(project, run.id())).isInstanceOf(InvalidInputException.class).hasMessageContaining("already ended");
        assertThat(lecture().video("s1").orElseThrow().imageVersion()).isEqualTo(1);
    }

    @Test
    void aGenerationInFlightStopsWhenCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ImageGenerator slow = new ImageGenerator() {
            @Override
            public List<GeneratedImage> generate(GenerationSettings s, long seed, int count, String palette, BooleanSupplier cancelled)
                    throws ProviderException {
                started.countDown();
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (System.nanoTime() < until) {
                    if (cancelled.getAsBoolean()) {
                        throw new ProviderException(ProviderException.Kind.CANCELLED, 0, false, null, "Cancelled", null);
                    }
                    Thread.onSpinWait();
                }
                throw new AssertionError("the cancel never arrived");
            }
        };
        RunService slowRuns = services(slow);
        Run run = slowRuns.create(project, "s1", null, null);
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<Run> driving = pool.submit(() -> slowRuns.drive(project, run.id()));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            slowRuns.cancel(project, run.id());
            Run ended = driving.get(10, TimeUnit.SECONDS);
            assertThat(ended.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(ended.preview()).isNull();
            assertThat(project.images().versions("video-img-r0-s1")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunForAMissingSegmentOrModelFailsWithAClearMessage() {
        assertThatThrownBy(() -> runs.regenerate(project, "nope", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("there is no segment nope");
        Run run = runs.regenerate(project, "s1", null, "cloud/flux");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("provider 'cloud'").contains("lectern providers add cloud");
        assertThat(lecture().video("s1").orElseThrow().imageVersion()).isEqualTo(1);
    }

    private Lecture lecture() {
        return project.lectures().load("lec").orElseThrow();
    }
}
