package dev.lectern.bench;

import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 2. The durable writes of a review, in the 1,000-segment project (owner decision, issue 16):
 * {@code store-preview} — the insert of a 1.5 MB version as it arrives from the model, beside writing and fsyncing
 * the same bytes to a plain file (target 2.5: WAL writes a blob to the log, then again at checkpoint);
 * {@code accept} — the pointer flip (segment update, revision bump) beside an fsync'd write of a small file
 * (target 2); {@code restore} — a restore's new version (same blob) and pointer flip, same limit and target;
 * {@code versions} — listing a segment's 200 versions with their status, against a 20 ms budget.
 * Images are checked and hashed before the clock starts, as the workflow receives them ({@code GeneratedImage}).
 */
class AcceptBenchmark {
    static final int WARMUPS = 3;
    static final int ROUNDS = 15;
    static final double VERSIONS_BUDGET_MS = 20;

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        for (String name : List.of("store-preview", "accept", "restore", "versions")) {
            BenchResults.report(name);
        }
    }

    @Test
    void reviewWrites() throws Exception {
        Path file = dir.resolve("big.lectern");
        BenchProjects.createBig(file);
        List<ImageContent> images = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < WARMUPS + ROUNDS; i++) {
            images.add(ImageContent.verified(noise(random)));
        }
        int size = images.get(0).bytes().length;
        try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            List<ImageVersion> stored = new ArrayList<>();
            int[] round = {0, 0};
            BenchResults.Pair store = BenchResults.interleaved(WARMUPS, ROUNDS, () -> {
                int i = round[0]++;
                VideoAsset segment = segment(project, i);
                return BenchResults.timed(() -> stored.add(project.transaction(() -> project.images().add(segment.imageKey(), images.get(i),
                        new ImageRepository.Provenance("local/sdxl", "prompt " + i, (long) i)))));
            }, () -> fsyncedWrite(images.get(round[1]).bytes(), "plain-" + round[1]++ + ".png"));
            BenchResults.add("store-preview", store, 2.5, Map.of("note", String.format(
                    "%.2f MB PNG version inserted durably; vs write+fsync of the same bytes to a plain file", size / 1e6),
                    "mean_ms", mean(store.samples()), "limit_mean_ms", mean(store.limitSamples())));

            byte[] small = "{\"segment\": \"seg\", \"version\": 2}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            int[] flip = {0, 0};
            BenchResults.Pair accept = BenchResults.interleaved(WARMUPS, ROUNDS, () -> {
                ImageVersion v = stored.get(flip[0]++);
                VideoAsset segment = segment(project, flip[0] - 1);
                return BenchResults.timed(() -> project.transaction(() -> {
                    project.lectures().commitSegment(BenchProjects.LECTURE, segment.withStartingImage(v.imageKey(), v.version(),
                            "local/sdxl", v.prompt()), Instant.now());
                    return null;
                }));
            }, () -> fsyncedWrite(small, "small-a-" + flip[1]++ + ".json"));
            BenchResults.add("accept", accept, 2.0, Map.of("note", "segment points at a stored version, revision bumped; vs write+fsync of a small file"));

            int[] back = {0, 0};
            BenchResults.Pair restore = BenchResults.interleaved(WARMUPS, ROUNDS, () -> {
                int i = back[0]++;
                VideoAsset segment = segment(project, i);
                return BenchResults.timed(() -> project.transaction(() -> {
                    ImageVersion made = project.images().restore(segment.imageKey(), 1);
                    project.lectures().commitSegment(BenchProjects.LECTURE, segment.withStartingImage(made.imageKey(), made.version(),
                            made.model(), made.prompt()), Instant.now());
                    return made;
                }));
            }, () -> fsyncedWrite(small, "small-r-" + back[1]++ + ".json"));
            BenchResults.add("restore", restore, 2.0, Map.of("note", "a new version on the same blob + pointer flip; vs write+fsync of a small file"));

            String key = segment(project, 999).imageKey();
            byte[] tiny = TestImages.png(64, 36);
            project.transaction(() -> {
                for (int i = 0; i < 200; i++) {
                    project.images().add(key, tiny, new ImageRepository.Provenance("local/sdxl", "prompt " + i, (long) i));
                }
                return null;
            });
            BenchResults.Pair listing = BenchResults.interleaved(WARMUPS, ROUNDS,
                    () -> BenchResults.timed(() -> project.images().history(key)), () -> (long) (VERSIONS_BUDGET_MS * 1e6));
            BenchResults.add("versions", listing, 1.0, Map.of("note", "history of a segment with 200+ versions, with status; the limit is the 20 ms budget"));
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().endsWith(".lectern") && !f.getFileName().toString().contains("lectern")).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static VideoAsset segment(Project project, int i) {
        String segmentId = BenchProjects.segmentId(i * 37 % BenchProjects.SEGMENTS);
        return project.lectures().findSegment(BenchProjects.LECTURE + "/" + segmentId).orElseThrow().video();
    }

    private static long fsyncedWrite(byte[] bytes, String name) throws Exception {
        Path plain = dir.resolve(name);
        return BenchResults.timed(() -> {
            try (FileChannel ch = FileChannel.open(plain, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
        });
    }

    private static double mean(double[] samples) {
        return Arrays.stream(samples).average().orElseThrow();
    }

    /** A PNG of about 1.5 MB: noise does not compress, so 710×710 RGB pixels give 1.5 MB. */
    static byte[] noise(Random random) {
        BufferedImage image = new BufferedImage(710, 710, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return TestImages.encode(image, "png");
    }
}
