package dev.lectern.bench;

import dev.lectern.storage.ImageCache;
import dev.lectern.storage.Rendition;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 4. thumbnail: 1,000 list thumbnails (320-pixel renditions, what the segment list asks for) from the
 * ImageCache — cold (empty cache directory: decode, scale, encode, write), warm from disk (a new cache over the
 * filled directory: memory empty), warm from memory (the same cache again) — beside a plain decode of the same
 * 1,000 source files with ImageIO.read and one scaling drawImage to the same size.
 */
class ThumbnailBenchmark {
    static final int IMAGES = 1000;
    static final int MAX_EDGE = 320;
    static final long MEMORY = 64L * 1024 * 1024;

    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("thumbnail");
    }

    @Test
    void thumbnails() throws Exception {
        List<Path> sources = new ArrayList<>();
        Files.createDirectories(dir.resolve("src"));
        for (int i = 0; i < IMAGES; i++) {
            Path f = dir.resolve("src/img-" + i + ".png");
            Files.write(f, TestImages.png(1024, 576, new Color(i * 2654435 & 0xffffff)));
            sources.add(f);
        }
        AtomicInteger caches = new AtomicInteger();
        ImageCache[] warm = new ImageCache[1];
        Path[] warmDir = new Path[1];
        BenchResults.Timed plain = () -> BenchResults.timed(() -> {
            for (Path f : sources) {
                BufferedImage image = ImageIO.read(f.toFile());
                int w = MAX_EDGE;
                int h = (int) Math.round((double) image.getHeight() * MAX_EDGE / image.getWidth());
                BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = scaled.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
                g.dispose();
            }
        });
        BenchResults.Pair cold = BenchResults.interleaved(0, 3, () -> {
            warmDir[0] = dir.resolve("cache-" + caches.incrementAndGet());
            warm[0] = new ImageCache(warmDir[0], MEMORY);
            return BenchResults.timed(() -> all(warm[0], sources));
        }, plain);
        BenchResults.Pair disk = BenchResults.interleaved(0, 3, () -> BenchResults.timed(() -> all(new ImageCache(warmDir[0], MEMORY), sources)), plain);
        BenchResults.Pair memory = BenchResults.interleaved(0, 3, () -> BenchResults.timed(() -> all(warm[0], sources)), plain);
        BenchResults.add("thumbnail-cold", cold, null, Map.of("note", "1,000 renditions of 1024x576 PNGs to 320 px, empty cache (decode, scale, PNG encode, write); vs ImageIO.read + scale"));
        BenchResults.add("thumbnail-warm-disk", disk, null, Map.of());
        BenchResults.add("thumbnail-warm-memory", memory, null, Map.of());
    }

    private static void all(ImageCache cache, List<Path> sources) throws Exception {
        for (int i = 0; i < sources.size(); i++) {
            Path f = sources.get(i);
            Rendition r = cache.get("bench-project", "img-" + i, 1, MAX_EDGE, (key, version) -> Files.readAllBytes(f));
            if (r.width() != MAX_EDGE) {
                throw new AssertionError("rendition is " + r.width() + " wide");
            }
        }
    }
}
