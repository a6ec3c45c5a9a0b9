package dev.lectern.storage;

import dev.lectern.testing.TestImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.ImageInfo;
import dev.lectern.lecture.ImageInspector;
import dev.lectern.lecture.InvalidImageException;
import dev.lectern.lecture.InvalidInputException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {
    private static final String PROJECT = "3f1c2a9e-5b7d-4c1e-9a2b-0d6e8f7a1b2c";
    private static final String OTHER_PROJECT = "9b0e7c4d-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
    private static final long BUDGET = 10L << 20;

    @TempDir
    Path tmp;

    /** Original bytes per (imageKey, version), counting how often each is loaded. */
    private final Map<String, byte[]> originals = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final ImageSource source = (imageKey, version) -> {
        loads.incrementAndGet();
        byte[] bytes = originals.get(imageKey + "@" + version);
        if (bytes == null) {
            throw new IOException("no such image " + imageKey + " v" + version);
        }
        return bytes;
    };

    private Path root() {
        return tmp.resolve("lectern").resolve("renditions");
    }

    @Test
    void buildsADownscaledPngAndWritesItWhereTheLayoutSays() throws IOException {
        originals.put("video-img-r1-s1@3", TestImages.jpeg(1200, 800));
        ImageCache cache = new ImageCache(root(), BUDGET);

        Rendition r = cache.get(PROJECT, "video-img-r1-s1", 3, 256, source);

        assertThat(r.width()).isEqualTo(256);
        assertThat(r.height()).isEqualTo(171);
        assertThat(r.sourceWidth()).isEqualTo(1200);
        assertThat(r.sourceHeight()).isEqualTo(800);
        assertThat(ImageInspector.verify(r.bytes())).isEqualTo(new ImageInfo("image/png", 256, 171));
        Path file = root().resolve(PROJECT).resolve("video-img-r1-s1").resolve("v3-256.png");
        assertThat(file).exists();
        assertThat(Files.readAllBytes(file)).isEqualTo(r.bytes());
        assertThat(loads).hasValue(1);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temporary files left behind
        }
    }

    @Test
    void secondGetComesFromMemoryAndANewCacheReadsTheDisk() throws IOException {
        originals.put("img@1", TestImages.png(600, 300));
        ImageCache cache = new ImageCache(root(), BUDGET);
        Rendition first = cache.get(PROJECT, "img", 1, 128, source);

        assertThat(cache.get(PROJECT, "img", 1, 128, source)).isEqualTo(first);
        ImageSource failing = (k, v) -> {
            throw new AssertionError("should come from disk");
        };
        Rendition fromDisk = new ImageCache(root(), BUDGET).get(PROJECT, "img", 1, 128, failing);
        assertThat(fromDisk).isEqualTo(first);
        assertThat(fromDisk.sourceWidth()).isEqualTo(600);
        assertThat(loads).hasValue(1);
    }

    @Test
    void keepsAspectWithDetailAndNeverUpscales() throws IOException {
        originals.put("wide@1", TestImages.png(1000, 500));
        originals.put("small@1", TestImages.png(100, 60));
        ImageCache cache = new ImageCache(root(), BUDGET);

        Rendition wide = cache.get(PROJECT, "wide", 1, 100, source);
        Rendition small = cache.get(PROJECT, "small", 1, 512, source);

        assertThat(new int[] {wide.width(), wide.height()}).containsExactly(100, 50);
        BufferedImage decoded = ImageInspector.decode(wide.bytes());
        assertThat(new Color(decoded.getRGB(5, 5)).getRed()).isGreaterThan(200); // the red corner survived
        assertThat(new Color(decoded.getRGB(90, 45)).getRed()).isLessThan(60);
        assertThat(new int[] {small.width(), small.height()}).containsExactly(100, 60);
        assertThat(ImageInspector.inspect(small.bytes()).width()).isEqualTo(100);
    }

    @Test
    void anOriginalThatAlreadyFitsIsServedAsItIsAndNotCopiedToDisk() throws IOException {
        byte[] png = TestImages.png(640, 360);
        byte[] jpeg = TestImages.jpeg(300, 200);
        originals.put("png@1", png);
        originals.put("jpeg@1", jpeg);
        ImageCache cache = new ImageCache(root(), BUDGET);

        Rendition fromPng = cache.get(PROJECT, "png", 1, 1600, source);
        Rendition fromJpeg = cache.get(PROJECT, "jpeg", 1, 300, source); // exactly at the edge still fits

        assertThat(fromPng.bytes()).isEqualTo(png);
        assertThat(new int[] {fromPng.width(), fromPng.height(), fromPng.sourceWidth(), fromPng.sourceHeight()})
                .containsExactly(640, 360, 640, 360);
        assertThat(fromJpeg.bytes()).isEqualTo(jpeg);
        assertThat(root().resolve(PROJECT)).doesNotExist();
        assertThat(cache.get(PROJECT, "png", 1, 1600, source)).isEqualTo(fromPng);
        assertThat(loads).hasValue(2); // the second get came from memory
        assertThat(cache.get(PROJECT, "jpeg", 1, 299, source).bytes()).startsWith(0x89, 'P', 'N', 'G'); // one pixel too big
    }

    @Test
    void deletedCacheDirectoryIsRecreated() throws IOException {
        originals.put("img@2", TestImages.png(300, 300));
        ImageCache cache = new ImageCache(root(), BUDGET);
        cache.get(PROJECT, "img", 2, 64, source);
        deleteTree(tmp.resolve("lectern"));

        cache.evictProject(PROJECT);
        Rendition rebuilt = cache.get(PROJECT, "img", 2, 64, source);

        assertThat(loads).hasValue(2);
        assertThat(ImageInspector.verify(Files.readAllBytes(root().resolve(PROJECT).resolve("img").resolve("v2-64.png"))))
                .isEqualTo(new ImageInfo("image/png", rebuilt.width(), rebuilt.height()));
    }

    @Test
    void garbageFileIsDroppedAndRebuilt() throws IOException {
        originals.put("img@1", TestImages.png(400, 200));
        Rendition good = new ImageCache(root(), BUDGET).get(PROJECT, "img", 1, 200, source);
        Path file = root().resolve(PROJECT).resolve("img").resolve("v1-200.png");
        Files.write(file, "not a png at all".getBytes(StandardCharsets.US_ASCII));

        Rendition rebuilt = new ImageCache(root(), BUDGET).get(PROJECT, "img", 1, 200, source);

        assertThat(loads).hasValue(2);
        assertThat(rebuilt).isEqualTo(good);
        assertThat(ImageInspector.verify(rebuilt.bytes()).width()).isEqualTo(200);
        assertThat(Files.readAllBytes(file)).isEqualTo(good.bytes());
    }

    @Test
    void truncatedFileIsDroppedAndRebuilt() throws IOException {
        originals.put("img@1", TestImages.png(400, 200));
        Rendition good = new ImageCache(root(), BUDGET).get(PROJECT, "img", 1, 200, source);
        Path file = root().resolve(PROJECT).resolve("img").resolve("v1-200.png");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 30));

        assertThat(new ImageCache(root(), BUDGET).get(PROJECT, "img", 1, 200, source)).isEqualTo(good);
        assertThat(loads).hasValue(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(good.bytes());
    }

    @Test
    void validPngWithTheWrongContentIsDroppedAndRebuilt() throws IOException {
        originals.put("a@1", TestImages.png(400, 200));
        originals.put("b@1", TestImages.png(200, 400));
        ImageCache first = new ImageCache(root(), BUDGET);
        Rendition a = first.get(PROJECT, "a", 1, 100, source);
        Rendition b = first.get(PROJECT, "b", 1, 100, source);
        Path fileA = root().resolve(PROJECT).resolve("a").resolve("v1-100.png");
        Path fileB = root().resolve(PROJECT).resolve("b").resolve("v1-100.png");
        Files.copy(fileB, fileA, java.nio.file.StandardCopyOption.REPLACE_EXISTING); // someone else's rendition
        Files.write(fileB, TestImages.png(100, 50)); // a fine PNG, but not one of ours

        ImageCache second = new ImageCache(root(), BUDGET);
        assertThat(second.get(PROJECT, "a", 1, 100, source)).isEqualTo(a);
        assertThat(second.get(PROJECT, "b", 1, 100, source)).isEqualTo(b);
        assertThat(loads).hasValue(4);
    }

    @Test
    void memoryStaysWithinItsByteBudget() throws IOException {
        long budget = 150_000;
        ImageCache cache = new ImageCache(root(), budget);
        long largest = 0;
        for (int i = 0; i < 40; i++) {
            originals.put("noise-" + i + "@1", noisePng(96, 96, i));
            Rendition r = cache.get(PROJECT, "noise-" + i, 1, 96, source);
            largest = Math.max(largest, r.byteSize());
            assertThat(cache.memoryBytes()).isLessThanOrEqualTo(budget);
        }
        assertThat(largest * 40).as("the test must overflow the budget").isGreaterThan(2 * budget);
        assertThat(cache.memoryBytes()).isGreaterThan(budget - 2 * largest);

        cache.evictProject(OTHER_PROJECT);
        assertThat(cache.memoryBytes()).isGreaterThan(0);
        cache.evictProject(PROJECT);
        assertThat(cache.memoryBytes()).isZero();
    }

    @Test
    void evictedProjectIsServedFromDiskAgain() throws IOException {
        originals.put("img@1", TestImages.png(300, 200));
        ImageCache cache = new ImageCache(root(), BUDGET);
        Rendition r = cache.get(PROJECT, "img", 1, 64, source);
        cache.get(OTHER_PROJECT, "img", 1, 64, source);
        long both = cache.memoryBytes();

        cache.evictProject(PROJECT);

        assertThat(cache.memoryBytes()).isEqualTo(both - r.byteSize());
        assertThat(cache.get(PROJECT, "img", 1, 64, source)).isEqualTo(r);
        assertThat(loads).hasValue(2); // one per project; the evicted one came back from disk
    }

    @Test
    void unwritableCacheDirectoryStillServesFromMemory() throws IOException {
        originals.put("img@1", TestImages.png(300, 200));
        Path blocker = Files.writeString(tmp.resolve("a-file"), "in the way"); // works as root, unlike chmod
        ImageCache cache = new ImageCache(blocker.resolve("renditions"), BUDGET);

        Rendition r = cache.get(PROJECT, "img", 1, 64, source);

        assertThat(ImageInspector.verify(r.bytes()).width()).isEqualTo(64);
        assertThat(cache.get(PROJECT, "img", 1, 64, source)).isEqualTo(r);
        assertThat(loads).hasValue(1);
    }

    @Test
    void concurrentGetsOfOneKeyAgreeAndLeaveAValidFile() throws Exception {
        originals.put("img@1", TestImages.jpeg(1600, 900));
        ImageCache cache = new ImageCache(root(), BUDGET);
        List<Rendition> results = getConcurrently(8, i -> cache);

        assertThat(results).hasSize(8).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        assertThat(loads.get()).isBetween(1, 8);
        byte[] onDisk = Files.readAllBytes(root().resolve(PROJECT).resolve("img").resolve("v1-320.png"));
        assertThat(ImageInspector.verify(onDisk)).isEqualTo(new ImageInfo("image/png", 320, 180));
        assertThat(onDisk).isEqualTo(results.get(0).bytes());
    }

    @Test
    void concurrentBuildersInSeparateCachesDoNotCorruptTheFile() throws Exception {
        originals.put("img@1", TestImages.jpeg(1600, 900));
        List<ImageCache> caches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            caches.add(new ImageCache(root(), BUDGET)); // like several app instances sharing the user cache
        }
        List<Rendition> results = getConcurrently(8, caches::get);

        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(results.get(0)));
        Path dir = root().resolve(PROJECT).resolve("img");
        assertThat(Files.readAllBytes(dir.resolve("v1-320.png"))).isEqualTo(results.get(0).bytes());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("v1-320.png"));
        }
    }

    @Test
    void badKeyPartsAreRefusedBeforeTouchingTheDisk() {
        ImageCache cache = new ImageCache(root(), BUDGET);
        assertThatThrownBy(() -> cache.get("../escape", "img", 1, 64, source)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("project id");
        assertThatThrownBy(() -> cache.get(PROJECT, "a/b", 1, 64, source)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("image key");
        assertThatThrownBy(() -> cache.get(PROJECT, "", 1, 64, source)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cache.get(PROJECT, "img", 0, 64, source)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.get(PROJECT, "img", 1, 15, source)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache.get(PROJECT, "img", 1, 4097, source)).isInstanceOf(IllegalArgumentException.class);
        assertThat(loads).hasValue(0);
        assertThat(root()).doesNotExist();
    }

    @Test
    void edgeLimitsThemselvesAreAccepted() throws IOException {
        originals.put("img@1", TestImages.png(50, 20));
        ImageCache cache = new ImageCache(root(), BUDGET);
        assertThat(cache.get(PROJECT, "img", 1, 16, source).width()).isEqualTo(16);
        assertThat(cache.get(PROJECT, "img", 1, 4096, source).width()).isEqualTo(50);
    }

    @Test
    void sourceThatIsNotAnImageFailsAndNothingIsCached() {
        originals.put("img@1", "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.US_ASCII));
        ImageCache cache = new ImageCache(root(), BUDGET);

        assertThatThrownBy(() -> cache.get(PROJECT, "img", 1, 64, source))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("502 Bad Gateway");
        assertThatThrownBy(() -> cache.get(PROJECT, "missing", 1, 64, source)).isInstanceOf(IOException.class);
        assertThat(cache.memoryBytes()).isZero();
        assertThat(root().resolve(PROJECT).resolve("img").resolve("v1-64.png")).doesNotExist();
    }

    private List<Rendition> getConcurrently(int threads, java.util.function.IntFunction<ImageCache> cacheFor) throws Exception {
        ImageSource slow = (k, v) -> {
            try {
                Thread.sleep(50); // widen the window in which the builders overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return source.load(k, v);
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Rendition>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ImageCache cache = cacheFor.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return cache.get(PROJECT, "img", 1, 320, slow);
                }));
            }
            start.countDown();
            List<Rendition> results = new ArrayList<>();
            for (Future<Rendition> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Noise does not compress, so each rendition has a predictable, sizeable cost. */
    private static byte[] noisePng(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return TestImages.encode(image, "png");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
