package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern batch --older-than / --made-by / --title-cards} (issue 17): which segments each filter picks from
 * images of known age and model, that they combine with AND and with --segments, and that a filter matching
 * nothing says so, exits 2 and starts no run.
 */
class CliBatchFiltersTest {
    static final String LECTURE = "lec-mix";
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private Path file;
    private CliRun.Env cli;

    /** s1, s2: title cards of 2024; s3: sdxl of 2024; s4: sdxl of 2026; s5: a title card of 2026; s6: no image. */
    @BeforeEach
    void setUp() {
        file = dir.resolve("mix.lectern");
        Instant old = Instant.parse("2024-05-01T10:00:00Z");
        Instant recent = Instant.parse("2026-02-01T10:00:00Z");
        new ProjectFiles(Schema.current(), Clock.fixed(old, ZoneOffset.UTC)).create(file, "Mix", p -> {
            List<VideoAsset> videos = new ArrayList<>();
            videos.add(segment(p, "s1", "titlecard"));
            videos.add(segment(p, "s2", "titlecard"));
            videos.add(segment(p, "s3", "local-sd/sdxl"));
            p.lectures().save(new Lecture(LECTURE, "Mix", 1, Timestamps.format(old), videos, Map.of(), Map.of()));
        }).close();
        try (Project p = new ProjectFiles(Schema.current(), Clock.fixed(recent, ZoneOffset.UTC)).open(file, Access.READ_WRITE)) {
            List<VideoAsset> videos = new ArrayList<>(p.lectures().load(LECTURE).orElseThrow().videos());
            videos.add(segment(p, "s4", "local-sd/sdxl").withPosition(3));
            videos.add(segment(p, "s5", "titlecard").withPosition(4));
            videos.add(new VideoAsset("s6", "Part s6", 5, null, null, null, "no image yet", null, null, Map.of()));
            Lecture l = p.lectures().load(LECTURE).orElseThrow();
            p.lectures().save(new Lecture(LECTURE, l.title(), l.revision(), l.updatedAt(), videos, Map.of(), Map.of()));
        }
        cli = CliRun.in(dir.resolve("config"));
    }

    @Test
    void eachFilterPicksItsSegmentsInLectureOrder() throws Exception {
        assertThat(picked("--older-than", "2025-01-01")).containsExactly("s1", "s2", "s3", "s6");
        assertThat(picked("--made-by", "local-sd/sdxl")).containsExactly("s3", "s4");
        assertThat(picked("--title-cards")).containsExactly("s1", "s2", "s5");
    }

    @Test
    void filtersCombineWithAndAndWithTheNamedSegments() throws Exception {
        assertThat(picked("--title-cards", "--older-than", "2025-01-01")).containsExactly("s1", "s2");
        assertThat(picked("--title-cards", "--older-than", "2025-01-01", "--segments", "s2,s3,s5")).containsExactly("s2");
        assertThat(picked("--made-by", "local-sd/sdxl", "--older-than", "2030-12-31")).containsExactly("s3", "s4");
    }

    @Test
    void aFilterMatchingNothingSaysSoAndStartsNothing() throws Exception {
        CliRun none = cli.run("batch", file, LECTURE, "--made-by", "local-sd/sdxl", "--title-cards");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("no segment of lecture " + LECTURE + " has an image made by local-sd/sdxl and a title card")
                .contains("nothing was started");
        CliRun unknown = cli.run("batch", file, LECTURE, "--made-by", "openai/dall-e-3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("has an image made by openai/dall-e-3");
        CliRun named = cli.run("batch", file, LECTURE, "--segments", "s1,s2", "--made-by", "local-sd/sdxl");
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).contains("none of the segments s1, s2 of lecture " + LECTURE + " has an image made by local-sd/sdxl");
        CliRun badDate = cli.run("batch", file, LECTURE, "--older-than", "1.3.2025");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--older-than wants a day as YYYY-MM-DD").contains("'1.3.2025'");

        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_ONLY)) {
            assertThat(p.batches().list()).as("no batch").isEmpty();
            assertThat(p.runs().list()).as("no run").isEmpty();
        }
    }

    /** The segments of the batch the filters start (without --wait, so its runs stay queued). */
    private List<String> picked(String... filters) throws Exception {
        List<Object> args = new ArrayList<>(List.of("batch", file, LECTURE, "--json"));
        args.addAll(List.of(filters));
        CliRun r = cli.run(args.toArray());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode batch = json.readTree(r.out());
        List<String> segments = new ArrayList<>();
        batch.get("runs").forEach(run -> segments.add(run.get("segmentId").asText()));
        assertThat(batch.get("counts").get("queued").asInt()).isEqualTo(segments.size());
        return segments;
    }

    private static VideoAsset segment(Project p, String id, String model) {
        int v = p.images().add("img-" + id, TestImages.png(32, 18), new ImageRepository.Provenance(model, "prompt " + id, 1L)).version();
        return new VideoAsset(id, "Part " + id, Integer.parseInt(id.substring(1)) - 1, null, "img-" + id, model, "prompt " + id, null, v, Map.of());
    }
}
