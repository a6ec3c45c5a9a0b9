package dev.lectern.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern batch --older-than / --made-by / --title-cards} (issue 17): the filters choose by each segment's
 * current image, combine with each other and with --segments, and a choice of nothing starts nothing.
 * The sample's nine segments start as title cards; seg-02 then gets the author's own image (model {@code file}).
 */
class CliBatchSelectionTest {
    private final ObjectMapper json = new ObjectMapper();
    @TempDir
    Path dir;
    private Path project;
    private String lecture;

    @BeforeEach
    void setUp() throws Exception {
        project = dir.resolve("course.lectern");
        ok(CliRun.of("new", project, "--sample"));
        lecture = CliRun.of("segments", project).out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        Path png = dir.resolve("mine.png");
        Files.write(png, TestImages.png(320, 180));
        JsonNode run = json.readTree(ok(CliRun.of("use-image", project, "seg-02", png, "--json")));
        ok(CliRun.of("review", project, run.get("runId").asText(), "--accept"));
    }

    @Test
    void eachFilterChoosesByTheCurrentImage() throws Exception {
        assertThat(segmentsOf(batch("--made-by", "file"))).containsExactly("seg-02");
        assertThat(segmentsOf(batch("--title-cards"))).hasSize(8).doesNotContain("seg-02").startsWith("seg-01", "seg-03");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(segmentsOf(batch("--older-than", tomorrow))).hasSize(9);
    }

    @Test
    void filtersCombineWithEachOtherAndWithTheNamedSegments() throws Exception {
        assertThat(segmentsOf(batch("--title-cards", "--segments", "seg-01,seg-02,seg-03"))).containsExactly("seg-01", "seg-03");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(segmentsOf(batch("--made-by", "file", "--older-than", tomorrow))).containsExactly("seg-02");
    }

    @Test
    void aChoiceOfNothingSaysWhyAndStartsNothing() throws Exception {
        int batchesBefore = batchCount();
        CliRun none = CliRun.of("batch", project, lecture, "--older-than", "2000-01-01");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
        assertThat(none.err()).contains("no segment of lecture " + lecture + " has an image older than 2000-01-01").contains("nothing was started");
        CliRun both = CliRun.of("batch", project, lecture, "--made-by", "file", "--title-cards");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("an image made by file and a title card as its image");
        CliRun badDate = CliRun.of("batch", project, lecture, "--older-than", "last week");
        assertThat(badDate.exitCode()).isEqualTo(2);
        assertThat(badDate.err()).contains("--older-than");
        assertThat(batchCount()).isEqualTo(batchesBefore);
    }

    private JsonNode batch(String... filters) throws Exception {
        List<Object> args = new ArrayList<>(List.of("batch", project, lecture, "--json"));
        args.addAll(List.of(filters));
        return json.readTree(ok(CliRun.of(args.toArray())));
    }

    private static List<String> segmentsOf(JsonNode batch) {
        List<String> out = new ArrayList<>();
        batch.get("runs").forEach(r -> out.add(r.get("segmentId").asText()));
        return out;
    }

    private int batchCount() throws Exception {
        return json.readTree(ok(CliRun.of("batches", project, "--json"))).size();
    }

    private static String ok(CliRun r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r.out();
    }
}
