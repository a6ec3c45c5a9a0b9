package dev.lectern.storage;

import dev.lectern.lecture.ImageInspector;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.PngBytes;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.VideoAsset;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The victim of {@link CrashSafetyTest}: opens a project and writes to it as fast as it can until it is killed.
 * <p>
 * Protocol on stdout, one line each, flushed: {@code ready} once the project is open, then after every
 * transaction has <em>returned</em> (so the parent may hold us to it):
 * <ul>
 *   <li>{@code committed image SEGMENT VERSION SHA256 REVISION}: a new image version and the lecture pointing at it</li>
 *   <li>{@code committed lecture REVISION}: the whole lecture rewritten (segments reordered and retitled)</li>
 *   <li>{@code committed settings N}: the settings rewritten, {@code image.style} = "edit N"</li>
 * </ul>
 * Everything the writer changes only ever moves forward (versions, revision, N), so the parent can check
 * "at least what was acknowledged" without knowing whether the one unacknowledged transaction made it.
 * <p>
 * Usage: {@code CrashWriter PROJECT_FILE SEED}
 */
public final class CrashWriter {
    /** Roughly 50 KB to 1.5 MB as PNG: random noise does not compress, so about 3 bytes a pixel. */
    private static final int[] SIDES = {130, 220, 360, 520, 700};

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Random random = new Random(seed);
        PrintStream out = System.out;

        // Encoded once: the loop should spend its time in SQLite, where the kill is meant to land.
        List<byte[]> pool = new ArrayList<>();
        for (int side : SIDES) {
            pool.add(noisePng(side, random));
        }
        // Warms up the decoder every add runs, so that writes start soon after "ready", even on a busy machine.
        pool.forEach(ImageInspector::verify);

        try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            String lectureId = project.lectures().list().get(0).id();
            out.println("ready");
            out.flush();
            for (long n = 0; ; n++) {
                int pick = random.nextInt(10);
                String ack;
                if (pick < 7) {
                    // Unique bytes every time, so each version writes a fresh blob instead of reusing one.
                    byte[] png = PngLabel.embed(pool.get(random.nextInt(pool.size())), "crash-writer " + seed + " " + n);
                    ack = newImageVersion(project, lectureId, random.nextInt(6), png, seed);
                } else if (pick < 9) {
                    ack = reorderLecture(project, lectureId, random, n);
                } else {
                    ack = editSettings(project, random);
                }
                out.println("committed " + ack); // only after the transaction returned
                out.flush();
            }
        }
    }

    /** The editor's "accept this image": the version and the segment pointing at it, in one transaction. */
    private static String newImageVersion(Project project, String lectureId, int index, byte[] png, long seed) {
        return project.transaction(() -> {
            Lecture lecture = project.lectures().load(lectureId).orElseThrow();
            VideoAsset segment = lecture.videos().get(index % lecture.videos().size());
            ImageVersion added = project.images().add(segment.imageKey(), png,
                    new ImageRepository.Provenance("crash-writer", "noise", seed));
            Lecture next = lecture.withVideo(segment.withImageVersion(added.version())).nextRevision(Instant.now());
            project.lectures().save(next);
            return "image " + segment.id() + " " + added.version() + " " + added.sha256() + " " + next.revision();
        });
    }

    /** Rewrites the whole lecture: every segment deleted and inserted again, in a new order. */
    private static String reorderLecture(Project project, String lectureId, Random random, long n) {
        return project.transaction(() -> {
            Lecture current = project.lectures().load(lectureId).orElseThrow();
            List<VideoAsset> shuffled = new ArrayList<>(current.videos());
            Collections.shuffle(shuffled, random);
            List<VideoAsset> renumbered = new ArrayList<>();
            for (VideoAsset s : shuffled) {
                renumbered.add(new VideoAsset(s.id(), s.id() + " take " + n, renumbered.size(), s.videoPath(),
                        s.startingImageId(), s.startingImageModel(), s.segmentStartImagePrompt(),
                        s.startingImageUrl(), s.imageVersion(), s.extra()));
            }
            Lecture next = new Lecture(current.id(), current.title(), current.revision(), current.updatedAt(),
                    renumbered, current.otherContent(), current.extra()).nextRevision(Instant.now());
            project.lectures().save(next);
            return "lecture " + next.revision();
        });
    }

    private static String editSettings(Project project, Random random) {
        return project.transaction(() -> {
            ProjectSettings settings = project.settings().load();
            String style = settings.get(ProjectSettings.IMAGE_STYLE);
            long edit = style == null ? 1 : Long.parseLong(style.substring("edit ".length())) + 1;
            project.settings().save(settings.with(ProjectSettings.IMAGE_STYLE, "edit " + edit)
                    .with(ProjectSettings.IMAGE_WIDTH, String.valueOf(64 + random.nextInt(1000))));
            return "settings " + edit;
        });
    }

    private static byte[] noisePng(int side, Random random) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[side * side];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(1 << 24);
        }
        image.setRGB(0, 0, side, side, pixels, 0, side);
        return PngBytes.encode(image);
    }
}
