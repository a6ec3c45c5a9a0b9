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
 * 2. accept: the durable commit of a 1.5 MB image version together with the segment update (what accepting a
 * regenerated image commits: the version, and the lecture with the segment pointing at it, one revision
 * later), in the 1,000-segment project, beside writing and fsyncing the same bytes to a plain file. The image
 * is checked and hashed before the clock starts, as the workflow receives it ({@code GeneratedImage}).
 */
class AcceptBenchmark {
    static final int WARMUPS = 3;
    static final int ROUNDS = 15;

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("accept");
    }

    @Test
    void accept() throws Exception {
        Path file = dir.resolve("big.lectern");
        BenchProjects.createBig(file);
        // Checked and hashed as they arrive from the image server, before the commit (GeneratedImage).
        List<ImageContent> images = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < WARMUPS + ROUNDS; i++) {
            images.add(ImageContent.verified(noise(random)));
        }
        int size = images.get(0).bytes().length;
        int[] round = {0, 0};
        try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            BenchResults.Pair p = BenchResults.interleaved(WARMUPS, ROUNDS, () -> {
                int i = round[0]++;
                ImageContent image = images.get(i);
                String segmentId = BenchProjects.segmentId(i * 37 % BenchProjects.SEGMENTS);
                // What the workflow commits: the version (generate step) and the segment update (accept step).
                return BenchResults.timed(() -> project.transaction(() -> {
                    VideoAsset segment = project.lectures().findSegment(BenchProjects.LECTURE + "/" + segmentId).orElseThrow().video();
                    ImageVersion v = project.images().add(segment.imageKey(), image,
                            new ImageRepository.Provenance("local/sdxl", "accepted prompt " + i, (long) i));
                    project.lectures().commitSegment(BenchProjects.LECTURE, segment.withStartingImage(segment.imageKey(), v.version(),
                            "local/sdxl", "accepted prompt " + i), Instant.now());
                    return v;
                }));
            }, () -> {
                byte[] bytes = images.get(round[1]).bytes();
                Path plain = dir.resolve("plain-" + round[1]++ + ".png");
                return BenchResults.timed(() -> {
                    try (FileChannel ch = FileChannel.open(plain, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                        ByteBuffer buffer = ByteBuffer.wrap(bytes);
                        while (buffer.hasRemaining()) {
                            ch.write(buffer);
                        }
                        ch.force(true);
                    }
                });
            });
            // Means beside the medians: a checkpoint inside a commit shows in the mean, not in the median.
            BenchResults.add("accept", p, 2.0, Map.of("note", String.format("%.2f MB PNG version + segment update in the 1,000-segment lecture; vs write+fsync of a plain file", size / 1e6),
                    "mean_ms", Arrays.stream(p.samples()).average().orElseThrow(),
                    "limit_mean_ms", Arrays.stream(p.limitSamples()).average().orElseThrow()));
        }
        for (int i = 0; i < round[1]; i++) {
            Files.deleteIfExists(dir.resolve("plain-" + i + ".png"));
        }
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
