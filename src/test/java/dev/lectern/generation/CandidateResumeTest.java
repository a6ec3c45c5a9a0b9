package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run asking for 4 images whose process dies after the second arrived: the two stored are kept, and the resumed run
 * asks the model only for the other two, with the seeds that follow (issue 16). The "death" is an Error thrown from
 * inside the model call, which the workflow does not catch: nothing after the last commit is written.
 */
class CandidateResumeTest {
    @TempDir
    Path dir;

    /** One image per call, tinted by its seed so each is distinct; records the seeds asked for. */
    static final class OnePerCall implements ImageGenerator {
        final List<Long> seeds = new CopyOnWriteArrayList<>();
        final int dieOnCall;

        OnePerCall(int dieOnCall) {
            this.dieOnCall = dieOnCall;
        }

        @Override
        public List<GeneratedImage> generate(GenerationSettings s, long seed, int count, String palette,
                                             java.util.function.BooleanSupplier cancelled) {
            if (seeds.size() + 1 == dieOnCall) {
                throw new Error("the process died here");
            }
            seeds.add(seed);
            byte[] png = TestImages.png(64, 36, new Color((int) (seed * 2654435761L) & 0xFFFFFF));
            return List.of(new GeneratedImage(ImageContent.inspected(png), seed, s.model()));
        }
    }

    @Test
    void aRunKilledAfterTwoOfFourAsksOnlyForTheOtherTwo() {
        ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        Path file = dir.resolve("p.lectern");
        files.create(file, "P", p -> {
            int v1 = p.images().add("img-s1", TestImages.png(64, 36), new ImageRepository.Provenance("titlecard", "old", 1L)).version();
            p.lectures().save(new Lecture("lec", "Lecture", 1, "2025-01-01T00:00:00.000Z", List.of(
                    new VideoAsset("s1", "One", 0, null, "img-s1", "titlecard", "a lighthouse", null, v1, Map.of())), Map.of(), Map.of()));
        }).close();

        String runId;
        OnePerCall dying = new OnePerCall(3);
        try (Project p = files.open(file, Access.READ_WRITE)) {
            RunService first = services(dying);
            runId = first.create(p, "s1", null, null, 4, 100L).id();
            assertThatThrownBy(() -> first.drive(p, runId)).isInstanceOf(Error.class);
        }
        assertThat(dying.seeds).containsExactly(100L, 101L);

        OnePerCall healthy = new OnePerCall(-1);
        try (Project p = files.open(file, Access.READ_WRITE)) {
            RunService second = services(healthy);
            assertThat(p.runs().find(runId).orElseThrow().candidates()).as("the two received survived").hasSize(2);
            second.resume(p);
            Run waiting = second.find(p, runId);
            assertThat(healthy.seeds).as("exactly the two missing, never the stored two again").containsExactly(102L, 103L);
            assertThat(waiting.status()).isEqualTo(RunStatus.AWAITING_REVIEW);
            assertThat(waiting.candidates()).extracting(c -> c.seed()).containsExactly(100L, 101L, 102L, 103L);
            Run done = second.review(p, runId, "s1", ReviewOutcome.ACCEPTED, 3);
            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            VideoAsset s1 = p.lectures().load("lec").orElseThrow().video("s1").orElseThrow();
            assertThat(s1.imageVersion()).isEqualTo(waiting.candidate(3).orElseThrow().version());
            assertThat(p.lectures().load("lec").orElseThrow().revision()).isEqualTo(2);
        }
    }

    private static RunService services(ImageGenerator generator) {
        ModelCatalog catalog = new ModelCatalog(new ProvidersConfigStore(Path.of("/nonexistent/providers.json")));
        RegenerateWorkflow workflow = new RegenerateWorkflow(new SettingsResolver(catalog), generator, new ProviderLimits(catalog),
                new WorkflowEvents(), Clock.systemUTC());
        return new RunService(workflow, Clock.systemUTC());
    }
}
