package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.ReviewOutcome;
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
import dev.lectern.testing.DataLossError;
import dev.lectern.testing.FakeAutomatic1111;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;

/**
 * The kill -9 campaign behind {@code WorkflowCrashTest} and the reliability suite's crash group.
 * ARCHITECTURE.md §4 under SIGKILL: the real command line runs in a child JVM against an AUTOMATIC1111-shaped server on loopback and is killed at random moments while it generates and while it applies a review; the
 * parent then opens the file with the real services, resumes, and checks what must survive any crash:
 * <ul>
 *   <li>the file opens (the lock died with its holder), {@code integrity_check} is ok, no foreign key dangles;</li>
 *   <li>a generation that was stored is never requested again, and a run costs at most one call more than
 *       the number of times it was killed while generating;</li>
 *   <li>a run is accepted if and only if its segment points at its version (the latest accept wins);</li>
 *   <li>after resume no run is left queued or running, no run awaiting review is lost, and every stored
 *       preview holds exactly the bytes the server sent.</li>
 * </ul>
 * The choices come from a fixed master seed (printed on failure; {@code -Dcrash.seed=} replays them); the
 * moments depend on the machine, which is the point.
 */
public final class CrashCampaign implements AutoCloseable {
    public static final long DEFAULT_SEED = 0x1EC7E2L;
    static final String LECTURE = "crash-course";
    static final List<String> SEGMENTS = List.of("seg-a", "seg-b", "seg-c");
    static final String MODEL = "local/sd";
    static final int SIGKILL_EXIT = 128 + 9;
    static final Set<RunStatus> SETTLED = Set.of(RunStatus.AWAITING_REVIEW, RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern HOLDER_PID = Pattern.compile("\"pid\"\\s*:\\s*(\\d+)");

    final long seed;
    final Path dir;
    Path file;
    Path configDir;
    MockWebServer server;
    FakeAutomatic1111 sd;
    Injector injector;
    ProjectFiles projectFiles;
    RunService runService;
    Random rng;

    /** Segment → the (image id, version) it must show: its first image, then the preview accepted last. */
    final Map<String, String> expectedCurrent = new HashMap<>();
    final Set<String> acceptedSeen = new HashSet<>();
    /** Run → how often its child was killed while the run was generating (status running, no image stored). */
    final Map<String, Integer> killsWhileGenerating = new HashMap<>();
    final List<String> log = new ArrayList<>();

    enum Phase {
        NO_RUN_YET("killed before the run existed"),
        BEFORE_GENERATION("killed before generation"),
        GENERATING_NO_REQUEST("killed generating, before the server saw the request"),
        GENERATING_IN_FLIGHT("killed with the request in flight"),
        STORED_NOT_PUBLISHED("killed after the image was stored, before the preview was published"),
        AWAITING_REVIEW("killed after the preview was published"),
        REVIEW_NOT_STARTED("review killed before it opened the project"),
        REVIEW_BEFORE_DECISION("review killed in the project, before the answer was recorded"),
        REVIEW_DECISION_RECORDED("review killed with the answer recorded, not applied"),
        REVIEW_APPLIED("review killed with the answer applied, not marked complete"),
        REVIEW_COMPLETE("review killed after it completed"),
        FINISHED("ran to its end before the kill");

        final String description;

        Phase(String description) {
            this.description = description;
        }
    }

    enum Trigger { START, LOCK, REQUEST, ANSWER }

    /** What the author does next when a review was killed after its answer was recorded, before resume runs. */
    enum FollowUp { ASK_AGAIN, REGENERATE_THE_SEGMENT }

    /** What a campaign did: rounds tried and passed (all checks held), children killed, and whether data was lost. */
    public record Result(int rounds, int passedRounds, int killed, int inFlightKills, int acceptKills, boolean dataLost,
                         long millis, String summary, Throwable failure) {
    }

    record Child(boolean killed, boolean inProject, int exit, long millis) {
    }

    /** A killed child's half-open connection is expected here; MockWebServer would warn about each one. */
    private static final java.util.logging.Logger SERVER_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    public CrashCampaign(Path dir, long seed) throws Exception {
        this.dir = dir;
        this.seed = seed;
        SERVER_LOG.setLevel(java.util.logging.Level.SEVERE);
        sd = new FakeAutomatic1111(seed);
        server = new MockWebServer();
        server.setDispatcher(sd);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        configDir = Files.createDirectories(dir.resolve("config"));
        ProvidersConfigStore providers = new ProvidersConfigStore(configDir.resolve(ProvidersConfigStore.FILE_NAME));
        providers.add(new ProviderConfig("local", ProviderConfig.Type.AUTOMATIC1111, server.url("/").toString(), null, List.of(),
                Duration.ofSeconds(30), 1, null, null), false);
        // The real services, reading the same providers.json as the children.
        injector = Guice.createInjector(Modules.override(new AppModule()).with(b -> b.bind(ProvidersConfigStore.class).toInstance(providers)));
        projectFiles = injector.getInstance(ProjectFiles.class);
        runService = injector.getInstance(RunService.class);
        file = dir.resolve("crash.lectern");
        projectFiles.create(file, "Crash course", this::populate).close();
        rng = new Random(seed);
    }

    @Override
    public void close() {
        server.close();
    }

    private void populate(Project p) {
        p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_WIDTH, "384").with(ProjectSettings.IMAGE_HEIGHT, "216"));
        List<VideoAsset> videos = new ArrayList<>();
        for (int i = 0; i < SEGMENTS.size(); i++) {
            String seg = SEGMENTS.get(i);
            String imageId = "video-img-first-" + seg;
            int version = p.images().add(imageId, TestImages.png(64, 36, new Color(40 * i, 90, 200)),
                    new ImageRepository.Provenance("titlecard", "first " + seg, (long) i)).version();
            videos.add(new VideoAsset(seg, "Segment " + seg, i, null, imageId, "titlecard", "first " + seg, null, version, Map.of()));
            expectedCurrent.put(seg, imageId + "@" + version);
        }
        p.lectures().save(new Lecture(LECTURE, "Crash course", 1, Timestamps.format(Instant.now()), videos, Map.of(), Map.of()));
    }

    /**
     * Kill rounds until at least {@code minRounds} ran and at least {@code minKills} children were killed, but no
     * more than {@code maxRounds} (plus the one the author's follow-up may need). Stops at the first round whose
     * checks fail and says so in the result, never by throwing an assertion.
     */
    public Result run(int minRounds, int minKills, int maxRounds, boolean printRounds) throws Exception {
        long started = System.nanoTime();
        Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
        int generateRounds = 0;
        int reviewRounds = 0;
        int killed = 0;
        int resumedRuns = 0;
        int round = 0;
        int followUps = 0;
        Run pending = null;
        FollowUp followUp = null;
        try {
            for (round = 1; pending != null || round <= minRounds || killed < minKills && round <= maxRounds; round++) {
                List<Run> before;
                try (Project p = projectFiles.open(file, Access.READ_WRITE)) {
                    before = p.runs().list();
                }
                List<Run> awaiting = before.stream().filter(r -> r.status() == RunStatus.AWAITING_REVIEW).toList();
                boolean followingUp = pending != null;
                boolean review = pending != null ? followUp == FollowUp.ASK_AGAIN
                        : !awaiting.isEmpty() && rng.nextInt(100) < 55;
                Run target = null;
                ReviewOutcome decision = null;
                String segment;
                String prompt = null;
                Trigger trigger;
                int delay;
                List<String> args;
                if (review) {
                    reviewRounds++;
                    target = pending != null ? pending : awaiting.get(rng.nextInt(awaiting.size()));
                    decision = pending != null ? pendingDecision(target) : rng.nextInt(10) < 7 ? ReviewOutcome.ACCEPTED : ReviewOutcome.REJECTED;
                    segment = target.segmentId();
                    int pick = rng.nextInt(100);
                    trigger = pick < 15 ? Trigger.START : pick < 55 ? Trigger.LOCK : Trigger.ANSWER;
                    delay = switch (trigger) {
                        case START -> rng.nextInt(1500);
                        case LOCK -> rng.nextInt(250);
                        default -> rng.nextInt(40);
                    };
                    args = List.of("review", file.toString(), target.id(), decision == ReviewOutcome.ACCEPTED ? "--accept" : "--reject");
                } else {
                    generateRounds++;
                    segment = pending != null ? pending.segmentId() : SEGMENTS.get(rng.nextInt(SEGMENTS.size()));
                    prompt = "round " + round + ": a lighthouse at dawn over " + segment;
                    int pick = rng.nextInt(100);
                    trigger = pick < 15 ? Trigger.START : pick < 70 ? Trigger.REQUEST : Trigger.LOCK;
                    delay = switch (trigger) {
                        case START -> rng.nextInt(1500);
                        case REQUEST -> rng.nextInt(200);
                        default -> rng.nextInt(700);
                    };
                    args = List.of("regenerate", file.toString(), segment, "--model", MODEL, "--prompt", prompt);
                }
                if (followingUp) {
                    trigger = Trigger.START; // the author's next step runs to its end
                    delay = 20_000;
                }
                Run followed = pending;
                int callsBefore = prompt == null ? 0 : sd.calls(prompt);
                String roundPrompt = prompt;
                BooleanSupplier requested = () -> roundPrompt != null && sd.calls(roundPrompt) > callsBefore;
                Child child;
                try (AnswerWatch answered = new AnswerWatch(file, review ? target.id() : null)) {
                    child = runChild(round, args, trigger, delay, trigger == Trigger.ANSWER ? answered : requested);
                }
                killed += child.killed() ? 1 : 0;

                try (Project p = projectFiles.open(file, Access.READ_WRITE)) { // the lock died with the child
                    assertSound(p, "after the kill");
                    List<Run> crashed = p.runs().list();
                    assertAcceptedIffCurrent(p, crashed, "after the kill");

                    Phase phase;
                    if (review) {
                        phase = reviewPhase(p, target, child);
                        if (!child.killed()) {
                            assertThat(child.exit()).as("a review left to finish succeeds").isZero();
                        }
                    } else {
                        Optional<Run> mine = crashed.stream().filter(r -> roundPrompt.equals(r.requestedPrompt())).findFirst();
                        phase = generatePhase(p, mine, requested.getAsBoolean(), child);
                        if (phase == Phase.GENERATING_NO_REQUEST || phase == Phase.GENERATING_IN_FLIGHT) {
                            killsWhileGenerating.merge(mine.orElseThrow().id(), 1, Integer::sum);
                        }
                        if (!child.killed()) {
                            assertThat(child.exit()).as("a regenerate left to finish ends awaiting review").isZero();
                            assertThat(mine).map(Run::status).contains(RunStatus.AWAITING_REVIEW);
                        }
                    }
                    if (!followingUp) {
                        phases.merge(phase, 1, Integer::sum);
                    }
                    if (followingUp) {
                        // Asking again, or regenerating the segment, applied the answer recorded before the crash.
                        Run answered = crashed.stream().filter(r -> r.id().equals(followed.id())).findFirst().orElseThrow();
                        assertThat(answered.status()).as("run %s, answered before a crash, after the author's %s", followed.id(), followUp)
                                .isEqualTo(RunStatus.SUCCEEDED);
                        assertThat(answered.reviewOutcome()).isEqualTo(p.runs().decision(followed.id()).orElseThrow());
                    }
                    log.add(String.format("round %2d: %-10s %-7s +%4d ms %s after %4d ms -> %s%s", round, review ? "review" : "regenerate",
                            trigger, delay, child.killed() ? "killed" : "exited " + child.exit(), child.millis(), phase.description,
                            pending != null ? " (" + followUp + " after an answer was recorded)" : ""));
                    pending = null;
                    if (phase == Phase.REVIEW_DECISION_RECORDED && !followingUp) {
                        // No resume yet: the author's next step meets the recorded answer first.
                        pending = target;
                        followUp = rng.nextBoolean() ? FollowUp.ASK_AGAIN : FollowUp.REGENERATE_THE_SEGMENT;
                        followUps++;
                        continue;
                    }

                    // What a stored generation has cost so far: resume must not add to it.
                    Map<String, Integer> paidFor = new HashMap<>();
                    for (Run r : crashed) {
                        if (isDone(p, r, RegenerateWorkflow.GENERATE)) {
                            paidFor.put(r.id(), sd.calls(r.requestedPrompt()));
                        }
                    }

                    resumedRuns += (int) crashed.stream().filter(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING
                            || r.status() == RunStatus.AWAITING_REVIEW && p.runs().decision(r.id()).isPresent()).count();
                    runService.resume(p);

                    assertSound(p, "after resume");
                    List<Run> after = p.runs().list();
                    for (Run r : after) {
                        assertThat(r.status()).as("run %s after resume", r.id()).isIn(SETTLED);
                        if (paidFor.containsKey(r.id())) {
                            assertThat(sd.calls(r.requestedPrompt())).as("provider calls for run %s, whose image was stored before resume", r.id())
                                    .isEqualTo(paidFor.get(r.id()));
                        }
                        assertCallsAccountedFor(p, r);
                        Optional<ReviewOutcome> answer = p.runs().decision(r.id());
                        if (answer.isPresent()) {
                            assertThat(r.status()).as("run %s, answered %s", r.id(), answer.get().wireName()).isEqualTo(RunStatus.SUCCEEDED);
                            assertThat(r.reviewOutcome()).as("run %s's outcome", r.id()).isEqualTo(answer.get());
                        }
                        assertPreviewIntact(p, r);
                    }
                    assertAcceptedIffCurrent(p, after, "after resume");
                    assertNothingLost(p, before, after, review ? target.id() : null, review ? null : segment, roundPrompt);
                }
            }
        } catch (AssertionError | RuntimeException e) {
            log.forEach(System.out::println);
            AssertionError failure = new AssertionError("the crash campaign failed in round " + round + " with master seed " + seed
                    + " (replay with -Dcrash.seed=" + seed + "): " + e.getMessage(), e);
            return new Result(round, round - 1, killed, 0, 0, e instanceof DataLossError, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    failure.getMessage(), failure);
        }
        int rounds = round - 1;

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int inFlight = phases.getOrDefault(Phase.GENERATING_IN_FLIGHT, 0);
        int generating = inFlight + phases.getOrDefault(Phase.GENERATING_NO_REQUEST, 0);
        int duringAccept = phases.getOrDefault(Phase.REVIEW_BEFORE_DECISION, 0) + phases.getOrDefault(Phase.REVIEW_DECISION_RECORDED, 0)
                + phases.getOrDefault(Phase.REVIEW_APPLIED, 0);
        Map<RunStatus, Long> finalStatuses;
        Map<String, Long> outcomes;
        try (Project p = projectFiles.open(file, Access.READ_ONLY)) {
            List<Run> all = p.runs().list();
            finalStatuses = all.stream().collect(Collectors.groupingBy(Run::status, TreeMap::new, Collectors.counting()));
            outcomes = all.stream().filter(r -> r.reviewOutcome() != null)
                    .collect(Collectors.groupingBy(r -> r.reviewOutcome().wireName(), TreeMap::new, Collectors.counting()));
        }
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("crash campaign: master seed %d, %d rounds (%d regenerate, %d review), %d children killed, %d ms%n",
                seed, rounds, generateRounds, reviewRounds, killed, millis));
        summary.append(String.format("  kills while generating: %d (%d with the request in flight); during accept: %d; resumed runs: %d;"
                + " answers recorded then met by the author's next step: %d%n", generating, inFlight, duringAccept, resumedRuns, followUps));
        summary.append(String.format("  provider calls: %d for %d prompts; final runs: %s; outcomes: %s%n",
                sd.total(), sd.prompts(), finalStatuses, outcomes));
        phases.forEach((ph, n) -> summary.append(String.format("  %3d  %s%n", n, ph.description)));
        System.out.print(summary);
        if (printRounds) {
            log.forEach(System.out::println);
        }
        return new Result(rounds, rounds, killed, inFlight, duringAccept, false, millis, summary.toString(), null);
    }

    // ---- the checks ----

    /** The file is whole: {@code integrity_check} says ok and no row points at a missing parent. */
    static void assertSound(Project p, String when) {
        DataLossError.guard(() -> assertSoundHeld(p, when));
    }

    private static void assertSoundHeld(Project p, String when) {
        List<String> integrity = pragma(p, "integrity_check");
        assertThat(integrity).as("PRAGMA integrity_check " + when).containsExactly("ok");
        assertThat(pragma(p, "foreign_key_check")).as("PRAGMA foreign_key_check " + when).isEmpty();
    }

    private static List<String> pragma(Project p, String name) {
        return p.database().read(c -> {
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(String.valueOf(rs.getString(1)));
                    for (int i = 2; i <= columns; i++) {
                        row.append('|').append(rs.getString(i));
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        });
    }

    /**
     * Accepted ⇔ current: the segment shows the preview of the run accepted last (or its first image), a run
     * whose version a segment shows was accepted, and an accept carries the run's prompt and model with it.
     */
    void assertAcceptedIffCurrent(Project p, List<Run> runs, String when) {
        DataLossError.guard(() -> assertAcceptedIffCurrentHeld(p, runs, when));
    }

    private void assertAcceptedIffCurrentHeld(Project p, List<Run> runs, String when) {
        Map<String, Run> newlyAccepted = new LinkedHashMap<>();
        for (Run r : runs) {
            if (r.reviewOutcome() == ReviewOutcome.ACCEPTED && acceptedSeen.add(r.id())) {
                assertThat(newlyAccepted.put(r.segmentId(), r)).as("two runs of one segment accepted in one round").isNull();
                assertThat(r.preview()).as("accepted run %s has a preview", r.id()).isNotNull();
                expectedCurrent.put(r.segmentId(), key(r.preview()));
            }
        }
        Lecture lecture = p.lectures().load(LECTURE).orElseThrow();
        Map<String, VideoAsset> segments = new HashMap<>();
        for (String seg : SEGMENTS) {
            VideoAsset v = lecture.video(seg).orElseThrow();
            segments.put(seg, v);
            assertThat(v.startingImageId() + "@" + v.imageVersion()).as("segment %s %s (its accepted version)", seg, when)
                    .isEqualTo(expectedCurrent.get(seg));
            assertThat(p.images().find(v.startingImageId(), v.imageVersion())).as("segment %s's current version exists", seg).isPresent();
        }
        for (Run r : runs) {
            if (r.preview() == null) {
                continue;
            }
            VideoAsset v = segments.get(r.segmentId());
            boolean current = key(r.preview()).equals(v.startingImageId() + "@" + v.imageVersion());
            if (current) {
                assertThat(r.reviewOutcome()).as("run %s (%s) is what segment %s shows %s", r.id(), r.status().wireName(), r.segmentId(), when)
                        .isEqualTo(ReviewOutcome.ACCEPTED);
                assertThat(v.segmentStartImagePrompt()).as("segment %s's prompt after accepting run %s", r.segmentId(), r.id())
                        .isEqualTo(r.settings().prompt());
                assertThat(v.startingImageModel()).isEqualTo(r.settings().model());
            }
        }
    }

    /** A run's provider calls: at most one per kill during its generation, plus the one whose image was stored. */
    private void assertCallsAccountedFor(Project p, Run r) {
        int calls = sd.calls(r.requestedPrompt());
        int kills = killsWhileGenerating.getOrDefault(r.id(), 0);
        if (isDone(p, r, RegenerateWorkflow.GENERATE)) {
            assertThat(calls).as("provider calls for run %s (killed %d times while generating)", r.id(), kills).isBetween(1, kills + 1);
            assertThat(sd.seed(r.requestedPrompt())).as("the seed asked for run %s", r.id()).isEqualTo(RegenerateWorkflow.seedOf(r.id()));
        } else {
            assertThat(calls).as("provider calls for run %s, which has no image (killed %d times while generating)", r.id(), kills)
                    .isLessThanOrEqualTo(kills);
        }
    }

    /** A stored preview is the bytes the server sent, exactly. */
    void assertPreviewIntact(Project p, Run r) {
        DataLossError.guard(() -> assertPreviewIntactHeld(p, r));
    }

    private void assertPreviewIntactHeld(Project p, Run r) {
        PreviewImage preview = r.preview();
        if (preview == null) {
            return;
        }
        byte[] bytes = p.images().bytes(preview.startingImageId(), preview.version()).orElseThrow(
                () -> new AssertionError("run " + r.id() + "'s preview " + key(preview) + " has no bytes"));
        assertThat(ImageContent.sha256(bytes)).as("run %s's preview bytes", r.id()).isEqualTo(preview.sha256())
                .isEqualTo(sd.sha256(r.requestedPrompt()));
    }

    /**
     * Every run that awaited review before the round still does, unless the round answered it (then it
     * carries that answer, if it was recorded) or superseded it with a new run of its segment (then it was
     * cancelled). The round's new run, if the child got as far as making it, is awaiting review.
     */
    void assertNothingLost(Project p, List<Run> before, List<Run> after, String reviewed, String regenerated, String prompt) {
        DataLossError.guard(() -> assertNothingLostHeld(p, before, after, reviewed, regenerated, prompt));
    }

    private void assertNothingLostHeld(Project p, List<Run> before, List<Run> after, String reviewed, String regenerated, String prompt) {
        Map<String, Run> now = after.stream().collect(Collectors.toMap(Run::id, r -> r));
        Optional<Run> fresh = prompt == null ? Optional.empty() : after.stream().filter(r -> prompt.equals(r.requestedPrompt())).findFirst();
        fresh.ifPresent(r -> assertThat(r.status()).as("the round's run %s after resume", r.id()).isEqualTo(RunStatus.AWAITING_REVIEW));
        for (Run old : before) {
            Run r = now.get(old.id());
            assertThat(r).as("run %s is still in the project", old.id()).isNotNull();
            if (old.status() != RunStatus.AWAITING_REVIEW) {
                assertThat(r.status()).as("finished run %s stays as it was", old.id()).isEqualTo(old.status());
                assertThat(r.reviewOutcome()).isEqualTo(old.reviewOutcome());
                continue;
            }
            assertThat(r.preview()).as("run %s's preview", old.id()).isEqualTo(old.preview());
            if (p.runs().decision(old.id()).isPresent()) {
                continue; // an answered run ends with its answer: checked for every run after resume
            }
            if (old.id().equals(reviewed)) {
                assertThat(r.status()).as("run %s, whose answer was never recorded", old.id()).isEqualTo(RunStatus.AWAITING_REVIEW);
            } else if (old.segmentId().equals(regenerated) && r.status() != RunStatus.AWAITING_REVIEW) {
                assertThat(r.status()).as("run %s superseded by a new run of its segment", old.id()).isEqualTo(RunStatus.CANCELLED);
                assertThat(r.reviewOutcome()).isNull();
            } else {
                assertThat(r.status()).as("run %s awaiting review, untouched by the round", old.id()).isEqualTo(RunStatus.AWAITING_REVIEW);
                if (fresh.isPresent() && old.segmentId().equals(regenerated)) {
                    throw new AssertionError("run " + old.id() + " was not superseded by run " + fresh.get().id() + " of the same segment");
                }
            }
        }
    }

    private ReviewOutcome pendingDecision(Run run) {
        try (Project p = projectFiles.open(file, Access.READ_ONLY)) {
            return p.runs().decision(run.id()).orElseThrow();
        }
    }

    // ---- classifying where a kill landed ----

    private static Phase generatePhase(Project p, Optional<Run> mine, boolean requestSeen, Child child) {
        if (!child.killed()) {
            return Phase.FINISHED;
        }
        if (mine.isEmpty()) {
            return Phase.NO_RUN_YET;
        }
        Run r = mine.get();
        if (isDone(p, r, RegenerateWorkflow.PUBLISH_PREVIEW)) {
            return Phase.AWAITING_REVIEW;
        }
        if (isDone(p, r, RegenerateWorkflow.GENERATE)) {
            return Phase.STORED_NOT_PUBLISHED;
        }
        if (r.status() == RunStatus.RUNNING) {
            return requestSeen ? Phase.GENERATING_IN_FLIGHT : Phase.GENERATING_NO_REQUEST;
        }
        return Phase.BEFORE_GENERATION;
    }

    private static Phase reviewPhase(Project p, Run target, Child child) {
        if (!child.killed()) {
            return Phase.FINISHED;
        }
        if (isDone(p, target, RegenerateWorkflow.FINISH)) {
            return Phase.REVIEW_COMPLETE;
        }
        if (isDone(p, target, RegenerateWorkflow.APPLY_REVIEW)) {
            return Phase.REVIEW_APPLIED;
        }
        if (p.runs().decision(target.id()).isPresent()) {
            return Phase.REVIEW_DECISION_RECORDED;
        }
        return child.inProject() ? Phase.REVIEW_BEFORE_DECISION : Phase.REVIEW_NOT_STARTED;
    }

    private static boolean isDone(Project p, Run r, String step) {
        return p.runs().stepOutput(r.id(), step).isPresent();
    }

    private static String key(PreviewImage preview) {
        return preview.startingImageId() + "@" + preview.version();
    }

    // ---- the child process ----

    /**
     * Starts {@code lectern ARGS} in a child JVM and kills it {@code delay} ms after {@code trigger}: its start,
     * the moment it holds the project's lock, or the moment the server has its request.
     */
    private Child runChild(int round, List<String> args, Trigger trigger, int delay, BooleanSupplier reached) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), "-Djava.awt.headless=true", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "dev.lectern.Lectern"));
        command.addAll(args);
        Path logs = Files.createDirectories(dir.resolve("children"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(logs.resolve(round + ".out").toFile()).redirectError(logs.resolve(round + ".err").toFile());
        pb.environment().remove("CLASSPATH");
        pb.environment().put("LECTERN_CONFIG_DIR", configDir.toString());
        pb.environment().put("LECTERN_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("LECTERN_DATA_DIR", dir.resolve("data").toString());
        long t0 = System.nanoTime();
        Process process = pb.start();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(20);
        BooleanSupplier fired = switch (trigger) {
            case START -> () -> true;
            case LOCK -> () -> holdsLock(process.pid());
            case REQUEST, ANSWER -> reached;
        };
        while (process.isAlive() && !fired.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        if (System.nanoTime() >= deadline) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("child " + args + " neither reached " + trigger + " nor ended in 20 s; see " + logs.resolve(round + ".err"));
        }
        process.waitFor(delay, TimeUnit.MILLISECONDS);
        boolean inProject = holdsLock(process.pid());
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("child ended").isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int exit = process.exitValue();
        if (exit != SIGKILL_EXIT && exit != 0) {
            throw new AssertionError("child " + args + " failed with exit " + exit + ":\n"
                    + Files.readString(logs.resolve(round + ".err")) + Files.readString(logs.resolve(round + ".out")));
        }
        return new Child(exit == SIGKILL_EXIT, inProject, exit, millis);
    }

    /**
     * Watches, read-only, for the answer a review child records: WAL lets a reader look while the child writes,
     * and it sees only what was committed. Opened lazily, so a child that has not started costs nothing.
     */
    static final class AnswerWatch implements BooleanSupplier, AutoCloseable {
        private final Path file;
        private final String runId;
        private java.sql.Connection connection;

        AnswerWatch(Path file, String runId) {
            this.file = file;
            this.runId = runId;
        }

        @Override
        public boolean getAsBoolean() {
            if (runId == null) {
                return false;
            }
            try {
                if (connection == null) {
                    org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
                    config.setReadOnly(true);
                    config.setBusyTimeout(1000);
                    connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                }
                try (var ps = connection.prepareStatement("SELECT review_decision FROM runs WHERE id = ?")) {
                    ps.setString(1, runId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getString(1) != null;
                    }
                }
            } catch (java.sql.SQLException busy) {
                return false;
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** The lock's sidecar names its holder; a killed holder's name stays, so the pid must be this child's. */
    private boolean holdsLock(long pid) {
        try {
            Matcher m = HOLDER_PID.matcher(Files.readString(file.resolveSibling(file.getFileName() + ".lock"), StandardCharsets.UTF_8));
            return m.find() && Long.parseLong(m.group(1)) == pid;
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
