package dev.lectern.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageInspector;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing JVM ({@link CrashWriter}) at random moments, many times over, and after every kill checks
 * that the project opens, passes SQLite's own checks, that every segment points at a complete image version,
 * and that nothing the writer was told had been saved is lost.
 * <p>
 * The kill timing depends on the machine, so a failure may not repeat exactly; the master seed still fixes
 * what the writers do and when (relative to "ready") they are killed. Override it with
 * {@code -Dlectern.crash.seed=N}.
 */
class CrashSafetyTest {
    private static final int ROUNDS = 25;
    private static final int SEGMENTS = 6;
    private static final List<String> SEGMENT_IDS = IntStream.rangeClosed(1, SEGMENTS).mapToObj(i -> "s" + i).toList();
    private static final String LECTURE_ID = "crash-course";
    private static final long MASTER_SEED = Long.getLong("lectern.crash.seed", 20_240_611L);

    @TempDir
    Path dir;

    private final ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());

    /** What the writers acknowledged, newest wins: they only ever move these forward. */
    private final Map<String, Integer> ackedVersions = new HashMap<>();
    /** The image versions acknowledged in this round, by segment: older ones are pruned between rounds. */
    private final Map<String, Ack> ackedThisRound = new HashMap<>();
    private long ackedRevision;
    private long ackedSettingsEdit;
    /** sha256 of blobs already decoded once: decoding is the slow part of a check, and blobs never change. */
    private final Set<String> decoded = new HashSet<>();

    private record Ack(int version, String sha256) {
    }

    @Test
    @Timeout(90)
    void killingAWriterAtAnyMomentLeavesAConsistentProjectWithEveryAcknowledgedCommit() throws Exception {
        Path file = dir.resolve("crash.lectern");
        createProject(file);
        Random random = new Random(MASTER_SEED);
        long started = System.nanoTime();
        int killedMidWork = 0;
        int acknowledged = 0;

        for (int round = 1; round <= ROUNDS; round++) {
            long childSeed = random.nextLong();
            int delayMs = 50 + random.nextInt(551);
            String context = "round " + round + " (master seed " + MASTER_SEED + ", writer seed " + childSeed
                    + ", killed " + delayMs + " ms after ready)";

            ackedThisRound.clear();
            Kill kill = runAndKill(file, childSeed, delayMs, context);
            // Only what the writer printed counts: a commit it made but had no time to report may or may not be there.
            List<String> acks = kill.lines().stream().filter(l -> l.startsWith("committed ")).toList();
            acks.forEach(this::remember);
            acknowledged += acks.size();
            if (kill.aliveAtKill() && !acks.isEmpty()) {
                killedMidWork++;
            }
            verify(file, context + ", " + acks.size() + " acknowledged commits");
        }

        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.printf("CrashSafetyTest: %d rounds, %d killed mid-work, %d acknowledged commits, %d ms (master seed %d)%n",
                ROUNDS, killedMidWork, acknowledged, elapsedMs, MASTER_SEED);
        // Killing idle or already-dead writers would prove nothing.
        assertThat(killedMidWork)
                .as("rounds whose writer was alive at the kill after acknowledging at least one commit (master seed %d)", MASTER_SEED)
                .isGreaterThanOrEqualTo(ROUNDS * 8 / 10);
    }

    // ---- the writer

    private record Kill(List<String> lines, boolean aliveAtKill) {
    }

    private Kill runAndKill(Path file, long childSeed, int delayMs, String context) throws Exception {
        Path stderr = dir.resolve("writer-stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", // small and quick to start
                "-Djava.awt.headless=true",
                // sqlite-jdbc unpacks its native library per process; a killed JVM never deletes it, so keep it in dir.
                "-Dorg.sqlite.tmpdir=" + Files.createDirectories(dir.resolve("native")),
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file.toString(), Long.toString(childSeed))
                .redirectError(stderr.toFile());
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                lines.add(line);
            }
            if (line == null) {
                process.waitFor();
                throw new AssertionError(context + ": the writer exited before it was ready:\n" + Files.readString(stderr));
            }
            Thread.sleep(delayMs);
            boolean alive = process.isAlive();
            // SIGKILL through the handle: Process.destroyForcibly() would also close our end of stdout and
            // throw away acknowledgements still in the pipe.
            process.toHandle().destroyForcibly();
            process.waitFor();
            // The writer is dead and its end of the pipe closed: what is left to read is all it acknowledged.
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            if (!alive) {
                System.out.println(context + ": the writer had died by itself:\n" + Files.readString(stderr));
            }
            return new Kill(lines, alive);
        } finally {
            process.destroyForcibly();
        }
    }

    private void remember(String ack) {
        String[] f = ack.split(" ");
        switch (f[1]) {
            case "image" -> {
                ackedThisRound.put(f[2], new Ack(Integer.parseInt(f[3]), f[4]));
                ackedVersions.merge(f[2], Integer.parseInt(f[3]), Math::max);
                ackedRevision = Math.max(ackedRevision, Long.parseLong(f[5]));
            }
            case "lecture" -> ackedRevision = Math.max(ackedRevision, Long.parseLong(f[2]));
            case "settings" -> ackedSettingsEdit = Math.max(ackedSettingsEdit, Long.parseLong(f[2]));
            default -> throw new AssertionError("unknown acknowledgement: " + ack);
        }
    }

    // ---- the checks after each kill

    private void verify(Path file, String context) throws Exception {
        Project opened;
        try {
            // READ_WRITE also shows that the OS released the dead writer's lock.
            opened = files.open(file, Access.READ_WRITE);
        } catch (ProjectFileException e) {
            throw new AssertionError("the project does not open after " + context + ": " + e.getMessage(), e);
        }
        try (Project project = opened) {
            project.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    assertThat(column(s, "PRAGMA integrity_check")).as("integrity_check after %s", context).containsExactly("ok");
                    assertThat(column(s, "PRAGMA foreign_key_check")).as("foreign_key_check after %s", context).isEmpty();
                }
                return null;
            });

            List<LectureSegment> segments = project.lectures().allSegments();
            assertThat(segments).as("segments after %s", context)
                    .extracting(s -> s.video().id()).containsExactlyInAnyOrderElementsOf(SEGMENT_IDS);
            for (LectureSegment segment : segments) {
                checkSegment(project, segment.video(), context);
            }

            Lecture lecture = project.lectures().load(LECTURE_ID).orElseThrow();
            assertThat(lecture.revision()).as("lecture revision after %s", context).isGreaterThanOrEqualTo(ackedRevision);
            String style = project.settings().load().get(ProjectSettings.IMAGE_STYLE);
            long edit = style == null ? 0 : Long.parseLong(style.substring("edit ".length()));
            assertThat(edit).as("settings edit after %s", context).isGreaterThanOrEqualTo(ackedSettingsEdit);

            pruneUnusedVersions(project);
        }
    }

    /**
     * Housekeeping once a round has passed its checks: each round adds tens of MB of blobs, and an ever growing
     * file would make every later integrity_check slower. VACUUM, not just DELETE, so that the next writer
     * grows the file again: a checkpoint that extends the file is one of the moments worth killing.
     */
    private static void pruneUnusedVersions(Project project) {
        project.database().write(c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM image_versions WHERE (image_key, version) NOT IN "
                        + "(SELECT image_key, image_version FROM segments WHERE image_version IS NOT NULL)");
                s.executeUpdate("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM image_versions)");
            }
            return null;
        });
        project.database().read(c -> { // VACUUM cannot run inside write()'s transaction
            try (Statement s = c.createStatement()) {
                s.execute("VACUUM");
            }
            return null;
        });
    }

    private void checkSegment(Project project, VideoAsset segment, String context) {
        String what = "segment " + segment.id() + " after " + context;
        assertThat(segment.imageVersion()).as("image version of %s", what).isNotNull();
        ImageVersion version = project.images().find(segment.imageKey(), segment.imageVersion()).orElse(null);
        assertThat(version).as("the version row %s v%d points at, %s", segment.imageKey(), segment.imageVersion(), what).isNotNull();
        byte[] bytes = project.images().bytes(segment.imageKey(), segment.imageVersion()).orElse(null);
        assertThat(bytes).as("the blob of %s v%d, %s", segment.imageKey(), segment.imageVersion(), what).isNotNull();
        assertThat(ImageContent.sha256(bytes)).as("sha256 of the stored bytes, %s", what).isEqualTo(version.sha256());
        assertThat((long) bytes.length).as("byte size of the stored bytes, %s", what).isEqualTo(version.byteSize());
        if (decoded.add(version.sha256())) {
            assertThatCode(() -> ImageInspector.verify(bytes)).as("decoding the image of %s", what).doesNotThrowAnyException();
        }

        int acked = ackedVersions.getOrDefault(segment.id(), 1);
        assertThat(segment.imageVersion()).as("version of %s, acknowledged v%d", what, acked).isGreaterThanOrEqualTo(acked);
        Ack ack = ackedThisRound.get(segment.id());
        if (ack != null) {
            assertThat(project.images().find(segment.imageKey(), ack.version()))
                    .as("acknowledged version v%d of %s", ack.version(), what)
                    .hasValueSatisfying(v -> assertThat(v.sha256()).isEqualTo(ack.sha256()));
        }
    }

    private static List<String> column(Statement s, String sql) throws java.sql.SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    // ---- the starting project

    private void createProject(Path file) {
        files.create(file, "Crash safety", project -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (String id : SEGMENT_IDS) {
                String imageKey = "img-" + id;
                ImageVersion v1 = project.images().add(imageKey,
                        TestImages.png(64 + videos.size(), 48, Color.getHSBColor(videos.size() / 6f, 0.6f, 0.8f)),
                        ImageRepository.Provenance.UNKNOWN);
                videos.add(new VideoAsset(id, "Segment " + id, videos.size(), null, imageKey, null, "a prompt", null,
                        v1.version(), Map.of()));
            }
            project.lectures().save(new Lecture(LECTURE_ID, "Crash course", 1, Timestamps.format(Instant.now()),
                    videos, Map.of(), Map.of()));
        }).close();
        ackedRevision = 1;
    }
}
