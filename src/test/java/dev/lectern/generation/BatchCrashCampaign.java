package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.testing.ChildLectern;
import dev.lectern.testing.DataLossError;
import dev.lectern.testing.FakeAutomatic1111;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;

/**
 * Batches under SIGKILL (issue 17), shared by {@code BatchKillTest} and the reliability suite's batch group: a
 * 12-segment lecture per course (its own file, its own prompts, so the server's counts are the course's), an
 * AUTOMATIC1111-shaped server on loopback at concurrency {@value #CONCURRENCY}, the real command line in a child
 * JVM, and the checks that must hold after any kill: {@code integrity_check} ok, no stored image asked for again,
 * at most one call more per run that was in flight, nothing stored lost, accepted ⇔ current.
 */
public final class BatchCrashCampaign implements AutoCloseable {
    public static final int SEGMENTS = 12;
    static final int CONCURRENCY = 3;
    static final String LECTURE = "batch-course";
    static final String MODEL = "local/sd";
    private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    final Path dir;
    final FakeAutomatic1111 sd;
    final MockWebServer server;
    final ProjectFiles projectFiles;
    final RunService runService;
    final BatchService batches;
    final QueueService queue;
    final ChildLectern children;

    public BatchCrashCampaign(Path dir, long seed, int minDelayMillis, int maxDelayMillis) throws Exception {
        this.dir = dir;
        SERVER_LOG.setLevel(Level.SEVERE); // a killed child's half-open connections are expected
        sd = new FakeAutomatic1111(seed, minDelayMillis, maxDelayMillis);
        server = new MockWebServer();
        server.setDispatcher(sd);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        Path configDir = Files.createDirectories(dir.resolve("config"));
        ProvidersConfigStore providers = new ProvidersConfigStore(configDir.resolve(ProvidersConfigStore.FILE_NAME));
        providers.add(new ProviderConfig("local", ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of(),
                Duration.ofSeconds(30), CONCURRENCY, null, null), false);
        Injector injector = Guice.createInjector(Modules.override(new AppModule())
                .with(b -> b.bind(ProvidersConfigStore.class).toInstance(providers)));
        projectFiles = injector.getInstance(ProjectFiles.class);
        runService = injector.getInstance(RunService.class);
        batches = injector.getInstance(BatchService.class);
        queue = injector.getInstance(QueueService.class);
        children = new ChildLectern(dir, configDir);
    }

    @Override
    public void close() {
        sd.release();
        server.close();
    }

    /** A project of its own: 12 segments with a first image each, prompts tagged with the course's name. */
    public record Course(Path file, String tag) {
        String prompt(String segmentId) {
            return tag + " " + segmentId;
        }

        static String segment(int i) {
            return String.format("seg-%02d", i + 1);
        }
    }

    public Course newCourse(String tag) {
        Course course = new Course(dir.resolve(tag + ".lectern"), tag);
        projectFiles.create(course.file(), "Batch " + tag, p -> {
            p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_WIDTH, "384").with(ProjectSettings.IMAGE_HEIGHT, "216"));
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < SEGMENTS; i++) {
                String seg = Course.segment(i);
                String imageId = "first-" + seg;
                int version = p.images().add(imageId, TestImages.png(32, 18, new Color(20 * i, 90, 200)),
                        new ImageRepository.Provenance("titlecard", "first " + seg, (long) i)).version();
                videos.add(new VideoAsset(seg, "Segment " + seg, i, null, imageId, "titlecard", course.prompt(seg), null, version, Map.of()));
            }
            p.lectures().save(new Lecture(LECTURE, "Batch " + tag, 1, Timestamps.format(Instant.now()), videos, Map.of(), Map.of()));
        }).close();
        return course;
    }

    public List<String> batchArgs(Course course) {
        return List.of("batch", course.file().toString(), LECTURE, "--model", MODEL, "--wait");
    }

    /** Requests the server had for the course so far. */
    public int requests(Course course) {
        int n = 0;
        for (int i = 0; i < SEGMENTS; i++) {
            n += sd.calls(course.prompt(Course.segment(i)));
        }
        return n;
    }

    /** How often the server was asked for this run's picture (its segment's prompt, its seed). */
    int asked(Course course, Run run) {
        long seed = GenerateStep.seedOf(run.id());
        return (int) sd.seeds(course.prompt(run.segmentId())).stream().filter(s -> s == seed).count();
    }

    /** The child killed {@code delayMillis} after {@code when} held (or ended by itself first): whether it was killed. */
    public boolean runAndKill(String name, List<String> args, BooleanSupplier when, int delayMillis) throws Exception {
        Process process = children.start(name, args);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (process.isAlive() && !when.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("lectern " + args + " neither reached its kill point nor ended in 30 s:\n" + children.output(name));
            }
            Thread.sleep(2);
        }
        process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the child ended").isTrue();
        int exit = process.exitValue();
        if (exit != ChildLectern.SIGKILL_EXIT && exit != 0) {
            throw new AssertionError("lectern " + args + " exited " + exit + ":\n" + children.output(name));
        }
        return exit == ChildLectern.SIGKILL_EXIT;
    }

    /**
     * Counts rows of the course's file while a child writes it, read-only (WAL lets a reader look and it sees only
     * what was committed); -1 until the file can be read. Opened lazily, closed with the watch.
     */
    public static final class Watch implements AutoCloseable {
        public static final String STORED = "SELECT COUNT(*) FROM run_candidates";
        public static final String ANSWERED = "SELECT COUNT(*) FROM runs WHERE review_decision IS NOT NULL";
        public static final String RUNS = "SELECT COUNT(*) FROM runs";
        private final Path file;
        private Connection connection;

        public Watch(Path file) {
            this.file = file;
        }

        public long count(String sql) {
            try {
                if (connection == null) {
                    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                    config.setReadOnly(true);
                    config.setBusyTimeout(1000);
                    connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                }
                try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1;
                }
            } catch (SQLException busyOrNotYet) {
                return -1;
            }
        }

        @Override
        public void close() throws SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Where a kill landed in a batch's life, read from the file after it. */
    public enum Phase {
        NO_BATCH("before the batch was committed"),
        QUEUED("batch queued, no call made yet"),
        IN_FLIGHT("calls in flight, no image stored"),
        STORING("some images stored, not all"),
        ALL_STORED("every image stored before the kill"),
        ACCEPT_NONE("accept-all killed before its first answer"),
        ACCEPT_PART("accept-all killed part-way"),
        ACCEPT_DONE("accept-all done before the kill");

        public final String description;

        Phase(String description) {
            this.description = description;
        }
    }

    /** The course's batch as the kill left it: its runs, none if the batch was not committed. */
    public record AtKill(List<Run> runs) {
        Phase phase() {
            if (runs.isEmpty()) {
                return Phase.NO_BATCH;
            }
            long stored = runs.stream().filter(r -> !r.candidates().isEmpty()).count();
            if (stored == runs.size()) {
                return Phase.ALL_STORED;
            }
            return stored > 0 ? Phase.STORING : inFlight() > 0 ? Phase.IN_FLIGHT : Phase.QUEUED;
        }

        /** Runs that may have had a call in flight: running (saved before the call), nothing stored. */
        long inFlight() {
            return runs.stream().filter(r -> r.status() == RunStatus.RUNNING && r.candidates().isEmpty()).count();
        }
    }

    public AtKill atKill(Course course) {
        try (Project p = projectFiles.open(course.file(), Access.READ_WRITE)) { // the lock died with the child
            CrashCampaign.assertSound(p, "after the kill");
            List<Batch> all = p.batches().list();
            assertThat(all).as("batches in " + course.tag()).hasSizeLessThanOrEqualTo(1);
            return new AtKill(all.isEmpty() ? List.of() : p.runs().inBatch(all.get(0).id()));
        }
    }

    /**
     * After a kill mid-generation and a resume (by the caller): every run awaits review with the bytes the server
     * sent for its seed; a run stored at the kill kept its image and was never asked for again; any other run cost at
     * most one call more when it was in flight; nothing else asked the server. Returns the batch's runs.
     */
    public List<Run> assertResumedWithoutSecondPayment(Course course, AtKill before) {
        try (Project p = projectFiles.open(course.file(), Access.READ_WRITE)) {
            CrashCampaign.assertSound(p, "after resume");
            List<Run> after = p.runs().inBatch(p.batches().list().get(0).id());
            assertThat(after).extracting(Run::status).as("the batch's runs after resume").hasSize(SEGMENTS)
                    .containsOnly(RunStatus.AWAITING_REVIEW);
            Map<String, Run> then = new java.util.HashMap<>();
            before.runs().forEach(r -> then.put(r.id(), r));
            for (Run r : after) {
                Run old = then.get(r.id());
                boolean stored = old != null && !old.candidates().isEmpty();
                boolean inFlight = old != null && old.status() == RunStatus.RUNNING && !stored;
                if (stored) {
                    DataLossError.guard(() -> assertThat(r.candidates()).extracting(Candidate::sha256).as("run %s's image, stored before the kill", r.id())
                            .isEqualTo(old.candidates().stream().map(Candidate::sha256).toList()));
                }
                assertThat(asked(course, r)).as("calls for run %s (%s at the kill%s)", r.id(), old == null ? "not yet created"
                        : old.status().wireName(), stored ? ", image stored" : "").isBetween(1, stored || !inFlight ? 1 : 2);
                assertIntact(p, course, r);
            }
            assertThat(requests(course)).as("calls for the whole batch, %d in flight at the kill", before.inFlight())
                    .isBetween(SEGMENTS, SEGMENTS + (int) before.inFlight());
            return after;
        }
    }

    /** A run's candidate is, byte for byte, what the server sent for its seed. */
    void assertIntact(Project p, Course course, Run r) {
        DataLossError.guard(() -> {
            for (Candidate c : r.candidates()) {
                byte[] bytes = p.images().bytes(c.imageKey(), c.version()).orElseThrow(
                        () -> new AssertionError("run " + r.id() + "'s candidate " + c.index() + " has no bytes"));
                assertThat(ImageContent.sha256(bytes)).as("run %s's image", r.id()).isEqualTo(c.sha256())
                        .isEqualTo(sd.sha256(course.prompt(r.segmentId()), c.seed()));
            }
        });
    }
}
