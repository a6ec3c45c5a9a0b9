package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VersionStatus;
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
    static final int SIGKILL_EXIT = ChildLectern.SIGKILL_EXIT;
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
    VersionService versionService;
    ChildLectern children;
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
        CANDIDATES_PARTIAL("killed with some of the run's candidates stored, not all"),
        STORED_NOT_PUBLISHED("killed after the image was stored, before the preview was published"),
        AWAITING_REVIEW("killed after the preview was published"),
        REVIEW_NOT_STARTED("review killed before it opened the project"),
        REVIEW_BEFORE_DECISION("review killed in the project, before the answer was recorded"),
        REVIEW_DECISION_RECORDED("review killed with the answer recorded, not applied"),
        REVIEW_APPLIED("review killed with the answer applied, not marked complete"),
        REVIEW_COMPLETE("review killed after it completed"),
        RESTORE_NOT_STARTED("restore killed before it opened the project"),
        RESTORE_NOT_APPLIED("restore killed in the project, before its commit"),
        RESTORE_APPLIED("restore killed after its commit"),
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
    public record Result(int rounds, int passedRounds, int killed, int inFlightKills, int acceptKills, int candidateKills,
                         int restoreKills, boolean dataLost, long millis, String summary, Throwable failure) {
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
        versionService = injector.getInstance(VersionService.class);
        children = new ChildLectern(dir, configDir);
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
        int restoreRounds = 0;
        int candidateRounds = 0;
        int laterCandidateAccepts = 0;
        int candidateKills = 0;
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
                Restore restore = !review && !followingUp && rng.nextInt(100) < 22 ? pickRestore() : null;
                Run target = null;
                ReviewOutcome decision = null;
                String segment;
                String prompt = null;
                Trigger trigger;
                int delay;
                int wanted = 1;
                int killAtCall = 1;
                List<String> args = new ArrayList<>();
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
                    args.addAll(List.of("review", file.toString(), target.id(), decision == ReviewOutcome.ACCEPTED ? "--accept" : "--reject"));
                    Integer candidate = decision == ReviewOutcome.ACCEPTED ? acceptedCandidate(target, pending != null) : null;
                    if (candidate != null) {
                        args.addAll(List.of("--candidate", String.valueOf(candidate)));
                        laterCandidateAccepts += candidate > 1 && pending == null ? 1 : 0;
                    }
                } else if (restore != null) {
                    restoreRounds++;
                    segment = restore.segment();
                    trigger = rng.nextInt(100) < 25 ? Trigger.START : Trigger.LOCK;
                    delay = trigger == Trigger.START ? rng.nextInt(1500) : rng.nextInt(80);
                    args.addAll(List.of("restore", file.toString(), segment, String.valueOf(restore.version())));
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
                    args.addAll(List.of("regenerate", file.toString(), segment, "--model", MODEL, "--prompt", prompt));
                    if (pending == null && rng.nextInt(100) < 40) {
                        // The server draws one image a call: a kill after the k-th call may find k - 1 or k candidates stored.
                        wanted = 2 + rng.nextInt(3);
                        killAtCall = 1 + rng.nextInt(wanted);
                        candidateRounds++;
                        args.addAll(List.of("--candidates", String.valueOf(wanted)));
                    }
                }
                if (followingUp) {
                    trigger = Trigger.START; // the author's next step runs to its end
                    delay = 20_000;
                }
                Run followed = pending;
                int callsBefore = prompt == null ? 0 : sd.calls(prompt);
                String roundPrompt = prompt;
                BooleanSupplier requested = () -> roundPrompt != null && sd.calls(roundPrompt) > callsBefore;
                int nth = killAtCall;
                BooleanSupplier reachedCall = () -> roundPrompt != null && sd.calls(roundPrompt) >= callsBefore + nth;
                Child child;
                try (AnswerWatch answered = new AnswerWatch(file, review ? target.id() : null)) {
                    child = runChild(round, args, trigger, delay, trigger == Trigger.ANSWER ? answered : reachedCall);
                }
                killed += child.killed() ? 1 : 0;

                try (Project p = projectFiles.open(file, Access.READ_WRITE)) { // the lock died with the child
                    assertSound(p, "after the kill");
                    Phase restored = restore == null ? null : restorePhase(p, restore, child, children.output(String.valueOf(round)));
                    List<Run> crashed = p.runs().list();
                    assertAcceptedIffCurrent(p, crashed, "after the kill");

                    Phase phase;
                    if (review) {
                        phase = reviewPhase(p, target, child);
                        if (!child.killed()) {
                            assertThat(child.exit()).as("a review left to finish succeeds").isZero();
                        }
                    } else if (restore != null) {
                        phase = restored;
                    } else {
                        Optional<Run> mine = crashed.stream().filter(r -> roundPrompt.equals(r.requestedPrompt())).findFirst();
                        phase = generatePhase(p, mine, requested.getAsBoolean(), child);
                        if (phase == Phase.GENERATING_NO_REQUEST || phase == Phase.GENERATING_IN_FLIGHT || phase == Phase.CANDIDATES_PARTIAL) {
                            killsWhileGenerating.merge(mine.orElseThrow().id(), 1, Integer::sum);
                            candidateKills += wanted > 1 ? 1 : 0;
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
                    log.add(String.format("round %2d: %-10s %-7s +%4d ms %s after %4d ms -> %s%s", round,
                            review ? "review" : restore != null ? "restore" : wanted > 1 ? "regen x" + wanted : "regenerate", trigger, delay, child.killed() ? "killed" : "exited " + child.exit(), child.millis(), phase.description,
                            pending != null ? " (" + followUp + " after an answer was recorded)" : ""));
                    pending = null;
                    if (phase == Phase.REVIEW_DECISION_RECORDED && !followingUp) {
                        // No resume yet: the author's next step meets the recorded answer first.
                        pending = target;
                        followUp = rng.nextBoolean() ? FollowUp.ASK_AGAIN : FollowUp.REGENERATE_THE_SEGMENT;
                        followUps++;
                        continue;
                    }

                    // What each run has cost so far, and what it has stored: resume asks only for what is missing.
                    Map<String, Integer> paidFor = new HashMap<>();
                    Map<String, Run> stored = new HashMap<>();
                    for (Run r : crashed) {
                        paidFor.put(r.id(), sd.calls(r.requestedPrompt()));
                        stored.put(r.id(), r);
                    }

                    resumedRuns += (int) crashed.stream().filter(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING
                            || r.status() == RunStatus.AWAITING_REVIEW && p.runs().decision(r.id()).isPresent()).count();
                    runService.resume(p);

                    assertSound(p, "after resume");
                    List<Run> after = p.runs().list();
                    for (Run r : after) {
                        assertThat(r.status()).as("run %s after resume", r.id()).isIn(SETTLED);
                        assertResumeAskedOnlyForTheMissing(r, stored.get(r.id()), paidFor.get(r.id()));
                        assertCallsAccountedFor(p, r);
                        Optional<ReviewOutcome> answer = p.runs().decision(r.id());
                        if (answer.isPresent()) {
                            assertThat(r.status()).as("run %s, answered %s", r.id(), answer.get().wireName()).isEqualTo(RunStatus.SUCCEEDED);
                            assertThat(r.reviewOutcome()).as("run %s's outcome", r.id()).isEqualTo(answer.get());
                        }
                        assertPreviewIntact(p, r);
                    }
                    assertAcceptedIffCurrent(p, after, "after resume");
                    assertNothingLost(p, before, after, review ? target.id() : null, review || restore != null ? null : segment, roundPrompt);
                }
            }
        } catch (AssertionError | RuntimeException e) {
            log.forEach(System.out::println);
            AssertionError failure = new AssertionError("the crash campaign failed in round " + round + " with master seed " + seed
                    + " (replay with -Dcrash.seed=" + seed + "): " + e.getMessage(), e);
            return new Result(round, round - 1, killed, 0, 0, 0, 0, e instanceof DataLossError, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    failure.getMessage(), failure);
        }
        int rounds = round - 1;

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        int inFlight = phases.getOrDefault(Phase.GENERATING_IN_FLIGHT, 0);
        int generating = inFlight + phases.getOrDefault(Phase.GENERATING_NO_REQUEST, 0) + phases.getOrDefault(Phase.CANDIDATES_PARTIAL, 0);
        int duringAccept = phases.getOrDefault(Phase.REVIEW_BEFORE_DECISION, 0) + phases.getOrDefault(Phase.REVIEW_DECISION_RECORDED, 0)
                + phases.getOrDefault(Phase.REVIEW_APPLIED, 0);
        int duringRestore = phases.getOrDefault(Phase.RESTORE_NOT_APPLIED, 0) + phases.getOrDefault(Phase.RESTORE_APPLIED, 0);
        Map<RunStatus, Long> finalStatuses;
        Map<String, Long> outcomes;
        try (Project p = projectFiles.open(file, Access.READ_ONLY)) {
            List<Run> all = p.runs().list();
            finalStatuses = all.stream().collect(Collectors.groupingBy(Run::status, TreeMap::new, Collectors.counting()));
            outcomes = all.stream().filter(r -> r.reviewOutcome() != null)
                    .collect(Collectors.groupingBy(r -> r.reviewOutcome().wireName(), TreeMap::new, Collectors.counting()));
        }
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("crash campaign: master seed %d, %d rounds (%d regenerate, %d of them with candidates; %d review;"
                + " %d restore), %d children killed, %d ms%n", seed, rounds, generateRounds, candidateRounds, reviewRounds, restoreRounds, killed, millis));
        summary.append(String.format("  kills while generating candidates: %d (%d with some stored, not all); during restore: %d;"
                + " accepts of a later candidate: %d%n", candidateKills, phases.getOrDefault(Phase.CANDIDATES_PARTIAL, 0), duringRestore,
                laterCandidateAccepts));
        summary.append(String.format("  kills while generating: %d (%d with the request in flight); during accept: %d; resumed runs: %d;"
                + " answers recorded then met by the author's next step: %d%n", generating, inFlight, duringAccept, resumedRuns, followUps));
        summary.append(String.format("  provider calls: %d for %d prompts; final runs: %s; outcomes: %s%n",
                sd.total(), sd.prompts(), finalStatuses, outcomes));
        phases.forEach((ph, n) -> summary.append(String.format("  %3d  %s%n", n, ph.description)));
        System.out.print(summary);
        if (printRounds) {
            log.forEach(System.out::println);
        }
        return new Result(rounds, rounds, killed, inFlight, duringAccept, candidateKills, duringRestore, false, millis, summary.toString(), null);
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
                int chosen = p.runs().decidedCandidate(r.id()).orElseThrow();
                assertThat(r.preview()).as("accepted run %s's preview: the candidate %d it accepted", r.id(), chosen)
                        .isEqualTo(r.candidate(chosen).orElseThrow().asPreview());
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

    /** A run's provider calls: one per stored candidate, plus at most one per kill during its generation; seeds follow the run's. */
    private void assertCallsAccountedFor(Project p, Run r) {
        int calls = sd.calls(r.requestedPrompt());
        int kills = killsWhileGenerating.getOrDefault(r.id(), 0);
        int have = r.candidates().size();
        assertThat(calls).as("provider calls for run %s, %d candidates stored (killed %d times while generating)", r.id(), have, kills)
                .isBetween(have, have + kills);
        if (isDone(p, r, RegenerateWorkflow.GENERATE)) {
            assertThat(have).as("candidates of run %s, whose generation is done", r.id()).isEqualTo(r.wantedCandidates());
        }
        long first = GenerateStep.seedOf(r.id());
        for (Candidate c : r.candidates()) {
            assertThat(c.seed()).as("run %s candidate %d's seed", r.id(), c.index()).isEqualTo(first + c.index() - 1);
        }
        assertThat(sd.seeds(r.requestedPrompt())).as("the seeds asked for run %s", r.id())
                .allMatch(asked -> asked >= first && asked < first + r.wantedCandidates());
    }

    /**
     * Resume asked for none of the candidates stored before it, and (the server draws one an ask, and does not
     * fail) exactly once for each one missing of a run it completed.
     */
    private void assertResumeAskedOnlyForTheMissing(Run r, Run crashed, int callsBefore) {
        List<Long> asked = sd.seeds(r.requestedPrompt());
        List<Long> byResume = asked.subList(Math.min(callsBefore, asked.size()), asked.size());
        for (Candidate c : crashed.candidates()) {
            assertThat(byResume).as("seeds resume asked for run %s, whose candidate %d (seed %d) was stored", r.id(), c.index(), c.seed())
                    .doesNotContain(c.seed());
        }
        if (r.candidates().size() == r.wantedCandidates()) {
            assertThat(byResume).as("asks by resume for run %s, %d of %d candidates stored before", r.id(), crashed.candidates().size(),
                    r.wantedCandidates()).hasSize(r.wantedCandidates() - crashed.candidates().size());
        }
    }

    /** A stored preview is the bytes the server sent, exactly. */
    void assertPreviewIntact(Project p, Run r) {
        DataLossError.guard(() -> assertPreviewIntactHeld(p, r));
    }

    private void assertPreviewIntactHeld(Project p, Run r) {
        for (Candidate c : r.candidates()) {
            byte[] bytes = p.images().bytes(c.imageKey(), c.version()).orElseThrow(
                    () -> new AssertionError("run " + r.id() + "'s candidate " + c.index() + " has no bytes"));
            assertThat(ImageContent.sha256(bytes)).as("run %s candidate %d's bytes", r.id(), c.index()).isEqualTo(c.sha256())
                    .isEqualTo(sd.sha256(r.requestedPrompt(), c.seed()));
        }
        PreviewImage preview = r.preview();
        if (preview != null) {
            assertThat(r.candidates()).extracting(Candidate::asPreview).as("run %s's preview is one of its candidates", r.id()).contains(preview);
        }
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
            assertThat(r.candidates()).as("run %s's candidates", old.id()).extracting(Candidate::index, Candidate::sha256)
                    .isEqualTo(old.candidates().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.index(), c.sha256())).toList());
            if (p.runs().decision(old.id()).isPresent()) {
                continue; // an answered run ends with its answer (an accept takes its candidate as preview): checked after resume
            }
            assertThat(r.preview()).as("run %s's preview", old.id()).isEqualTo(old.preview());
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

    /**
     * The candidate an accept names: the one recorded when asking again, else a live one other than the first
     * (null when the run has one: the command line takes it without being told).
     */
    private Integer acceptedCandidate(Run run, boolean askingAgain) {
        if (run.candidates().size() < 2) {
            return null;
        }
        if (askingAgain) {
            try (Project p = projectFiles.open(file, Access.READ_ONLY)) {
                return p.runs().decidedCandidate(run.id()).orElseThrow();
            }
        }
        List<Candidate> live = run.liveCandidates();
        return live.size() < 2 ? live.get(0).index() : live.get(1 + rng.nextInt(live.size() - 1)).index();
    }

    /** A restore about to run: the version it brings back, and what the file held before it. */
    record Restore(String segment, String key, int version, String sha256, int lastVersion, long blobs) {
    }

    /** An earlier version of a random segment that restore accepts (not current, not awaiting review), or null. */
    private Restore pickRestore() {
        String seg = SEGMENTS.get(rng.nextInt(SEGMENTS.size()));
        try (Project p = projectFiles.open(file, Access.READ_ONLY)) {
            VersionService.History history = versionService.history(p, seg);
            List<VersionEntry> earlier = history.versions().stream()
                    .filter(e -> !e.current() && e.status() != VersionStatus.AWAITING_REVIEW).toList();
            if (earlier.isEmpty()) {
                return null;
            }
            ImageVersion pick = earlier.get(rng.nextInt(earlier.size())).version();
            int last = history.versions().stream().mapToInt(e -> e.version().version()).max().orElseThrow();
            return new Restore(seg, history.imageKey(), pick.version(), pick.sha256(), last, blobCount(p));
        }
    }

    /**
     * A restore is one commit and copies nothing: after any kill the image has at most one new version, it shows
     * the restored bytes and is current (a restore that said it succeeded must have one), and no blob was added.
     */
    private Phase restorePhase(Project p, Restore r, Child child, String printed) {
        List<ImageVersion> added = p.images().versions(r.key()).stream().filter(v -> v.version() > r.lastVersion()).toList();
        DataLossError.guard(() -> {
            assertThat(blobCount(p)).as("blobs after restoring %s version %d", r.segment(), r.version()).isEqualTo(r.blobs());
            assertThat(added).as("versions a restore of %s version %d added", r.segment(), r.version()).hasSizeLessThanOrEqualTo(1);
            if (!child.killed() || printed.contains("restored version")) {
                assertThat(added).as("versions added by a restore of %s that reported success", r.segment()).hasSize(1);
            }
            for (ImageVersion v : added) {
                assertThat(v.sha256()).as("restored version %d's bytes", v.version()).isEqualTo(r.sha256());
                assertThat(v.restoredFrom()).as("version %d restored from", v.version()).isEqualTo(r.version());
            }
        });
        // The segment must now show it: assertAcceptedIffCurrent checks every segment against expectedCurrent.
        added.forEach(v -> expectedCurrent.put(r.segment(), r.key() + "@" + v.version()));
        if (!child.killed()) {
            return Phase.FINISHED;
        }
        return !added.isEmpty() ? Phase.RESTORE_APPLIED : child.inProject() ? Phase.RESTORE_NOT_APPLIED : Phase.RESTORE_NOT_STARTED;
    }

    private static long blobCount(Project p) {
        return p.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM blobs")) {
                rs.next();
                return rs.getLong(1);
            }
        });
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
        if (!r.candidates().isEmpty()) {
            return Phase.CANDIDATES_PARTIAL;
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
        String name = String.valueOf(round);
        long t0 = System.nanoTime();
        Process process = children.start(name, args);
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
            throw new AssertionError("child " + args + " neither reached " + trigger + " nor ended in 20 s; see " + children.err(name));
        }
        process.waitFor(delay, TimeUnit.MILLISECONDS);
        boolean inProject = holdsLock(process.pid());
        process.destroyForcibly();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("child ended").isTrue();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        int exit = process.exitValue();
        if (exit != SIGKILL_EXIT && exit != 0) {
            throw new AssertionError("child " + args + " failed with exit " + exit + ":\n" + children.output(name));
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
}
