package dev.lectern.storage;

import dev.lectern.lecture.ImageInfo;
import dev.lectern.lecture.ImageInspector;
import dev.lectern.lecture.InvalidImageException;
import dev.lectern.lecture.PngBytes;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renditions of stored image versions, for lists and dialogs: in memory (LRU bounded in bytes), then on disk under
 * {@code <cacheRoot>/<projectId>/<imageKey>/v<version>-<maxEdge>.png}, then built from the original bytes. An
 * original that already fits and that any viewer decodes (PNG, JPEG) is its own rendition: decoding and
 * re-encoding it would cost tens of milliseconds of CPU per picture and give the same pixels.
 *
 * <p>There is no invalidation: an image version is immutable, so (project, image, version, size) names the
 * same picture forever and a cached rendition can never be stale. A new picture is a new version.
 *
 * <p>The disk cache is disposable and repairs itself: a deleted directory is recreated, a file that does not
 * decode or is not the rendition it should be is deleted and rebuilt, and when the disk cannot be written
 * renditions are still served (from memory).
 */
public final class ImageCache {
    private static final Logger log = LoggerFactory.getLogger(ImageCache.class);
    private static final Pattern LABEL = Pattern.compile("(\\S+) source (\\d+)x(\\d+)");

    private final Path cacheRoot;
    private final RenditionMemory memory;
    /** One build per key at a time inside this process; other processes are covered by the atomic rename. */
    private final ConcurrentHashMap<RenditionKey, CompletableFuture<Rendition>> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean writeFailureLogged = new AtomicBoolean();

    /** @param cacheRoot the app passes {@code <user cache dir>/lectern/renditions} */
    public ImageCache(Path cacheRoot, long memoryBudgetBytes) {
        this.cacheRoot = Objects.requireNonNull(cacheRoot, "cacheRoot");
        this.memory = new RenditionMemory(memoryBudgetBytes);
    }

    /**
     * The rendition of ({@code imageKey}, {@code version}) that fits in a {@code maxEdge} square (16–4096).
     *
     * @throws IOException           when the source cannot supply the original bytes
     * @throws InvalidImageException when the original bytes are not an image Lectern can decode
     */
    public Rendition get(String projectId, String imageKey, int version, int maxEdge, ImageSource source) throws IOException {
        RenditionKey key = new RenditionKey(projectId, imageKey, version, maxEdge);
        Objects.requireNonNull(source, "source");
        Rendition cached = memory.get(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<Rendition> mine = new CompletableFuture<>();
        CompletableFuture<Rendition> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Rendition rendition = fromDisk(key);
            if (rendition == null) {
                rendition = build(key, source);
            }
            memory.put(key, rendition);
            mine.complete(rendition);
            return rendition;
        } catch (Throwable t) {
            mine.completeExceptionally(t);
            throw t;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Forgets a project's renditions in memory (the disk copies stay: they are still correct). */
    public void evictProject(String projectId) {
        memory.removeIf(key -> key.projectId().equals(projectId));
    }

    public long memoryBytes() {
        return memory.bytes();
    }

    private static Rendition await(CompletableFuture<Rendition> running) throws IOException {
        try {
            return running.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    // ---- disk

    /** The rendition on disk, or null when there is none or it was damaged (then it is deleted). */
    private Rendition fromDisk(RenditionKey key) {
        Path file = key.file(cacheRoot);
        byte[] bytes;
        try {
            if (Files.size(file) > ImageInspector.MAX_BYTES) {
                return dropDamaged(file, "it is larger than any rendition");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            log.warn("Cannot read cached rendition {} ({}); building it again", file, e.toString());
            return null;
        }
        try {
            ImageInfo info = ImageInspector.verify(bytes);
            Matcher label = LABEL.matcher(PngLabel.read(bytes).orElse(""));
            if (!info.mediaType().equals(ImageInspector.PNG) || !label.matches()) {
                return dropDamaged(file, "it is not a labelled PNG rendition");
            }
            if (!label.group(1).equals(key.label())) {
                return dropDamaged(file, "it holds " + label.group(1));
            }
            int sourceWidth = Integer.parseInt(label.group(2));
            int sourceHeight = Integer.parseInt(label.group(3));
            int[] expected = Downscaler.fit(sourceWidth, sourceHeight, key.maxEdge());
            if (info.width() != expected[0] || info.height() != expected[1]) {
                return dropDamaged(file, "it is " + info.width() + "×" + info.height() + " instead of " + expected[0] + "×" + expected[1]);
            }
            return new Rendition(bytes, info.width(), info.height(), sourceWidth, sourceHeight);
        } catch (InvalidImageException | NumberFormatException e) {
            return dropDamaged(file, e.getMessage());
        }
    }

    private Rendition dropDamaged(Path file, String why) {
        log.warn("Dropping cached rendition {}: {}; building it again", file, why);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {} ({}); the new rendition will replace it", file, e.toString());
        }
        return null;
    }

    /**
     * Writes to a temporary file in the same directory, then renames it over the target in one step: a reader
     * sees the old file or the new one, never half of one, and two builders of the same key (two windows, two
     * app instances) each rename a complete file. No fsync: a file lost in a crash is simply built again.
     */
    private void store(Path file, byte[] png) {
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            Files.write(temp, png);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE); // replaces an existing file (rename / MoveFileEx)
            temp = null;
        } catch (IOException e) {
            if (writeFailureLogged.compareAndSet(false, true)) {
                log.warn("Cannot write the image cache at {} ({}); renditions are kept in memory only", cacheRoot, e.toString());
            } else {
                log.debug("Cannot write cached rendition {}", file, e);
            }
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray .tmp file in a disposable cache is harmless
                }
            }
        }
    }

    // ---- build

    private Rendition build(RenditionKey key, ImageSource source) throws IOException {
        byte[] original = source.load(key.imageKey(), key.version());
        if (original == null) {
            throw new IOException("no bytes for image " + key.imageKey() + " version " + key.version());
        }
        ImageInfo info = ImageInspector.inspect(original); // size limits from the header, before anything decodes it
        if (!info.mediaType().equals(ImageInspector.WEBP) && info.width() <= key.maxEdge() && info.height() <= key.maxEdge()) {
            return new Rendition(original, info.width(), info.height(), info.width(), info.height());
        }
        BufferedImage decoded = ImageInspector.decode(original); // size limits before decoding, damage after
        int[] size = Downscaler.fit(decoded.getWidth(), decoded.getHeight(), key.maxEdge());
        BufferedImage scaled = Downscaler.scale(decoded, size[0], size[1]);
        byte[] png = PngLabel.embed(PngBytes.encode(scaled),
                key.label() + " source " + decoded.getWidth() + "x" + decoded.getHeight());
        store(key.file(cacheRoot), png);
        return new Rendition(png, size[0], size[1], decoded.getWidth(), decoded.getHeight());
    }
}
