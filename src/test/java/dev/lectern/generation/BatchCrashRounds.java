package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.BatchCrashCampaign.AtKill;
import dev.lectern.generation.BatchCrashCampaign.Course;
import dev.lectern.generation.BatchCrashCampaign.Phase;
import dev.lectern.generation.BatchCrashCampaign.Watch;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.testing.DataLossError;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The reliability suite's batch group: kill -9 rounds spread over a batch's life, each on a course of its own, in
 * four kinds taken in turn — a kill soon after the child starts, with every call held (before or while calls are in
 * flight); with k images stored and the next calls held (in flight); the moment k images are stored, calls
 * answering freely (while storing); and {@code review BATCH --accept-all} killed after k answers. After each: resume
 * in this process and the campaign's checks; after an accept-all, the author asks again and every segment must show
 * its run's image, the revision up once per segment. Where each kill landed is read from the file, not assumed.
 */
public final class BatchCrashRounds {
    private final BatchCrashCampaign campaign;
    private final Random rng;

    public BatchCrashRounds(BatchCrashCampaign campaign, long seed) {
        this.campaign = campaign;
        this.rng = new Random(seed);
    }

    /** What the rounds did: tried, passed, lost (a failed check on stored data), where the kills landed, the failures. */
    public record Result(int tried, int passed, int lost, int killed, Map<Phase, Integer> phases, List<String> failures) {
        public int landed(Phase... any) {
            int n = 0;
            for (Phase p : any) {
                n += phases.getOrDefault(p, 0);
            }
            return n;
        }
    }

    public Result run(int rounds) {
        Map<Phase, Integer> phases = new EnumMap<>(Phase.class);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        int lost = 0;
        int killed = 0;
        for (int i = 0; i < rounds; i++) {
            String name = "round-" + (i + 1);
            try {
                Landing landing = i % 4 == 3 ? acceptAllRound(name) : generateRound(name, i % 4);
                phases.merge(landing.phase(), 1, Integer::sum);
                killed += landing.killed() ? 1 : 0;
                passed++;
            } catch (DataLossError e) {
                lost++;
                failures.add(name + ": DATA LOST: " + e.getMessage());
            } catch (Exception | AssertionError e) {
                failures.add(name + ": " + e);
            } finally {
                campaign.sd.release();
            }
        }
        return new Result(rounds, passed, lost, killed, phases, failures);
    }

    record Landing(Phase phase, boolean killed) {
    }

    private Landing generateRound(String name, int kind) throws Exception {
        Course course = campaign.newCourse(name);
        int base = campaign.sd.total();
        int k = kind == 1 ? rng.nextInt(BatchCrashCampaign.SEGMENTS - BatchCrashCampaign.CONCURRENCY + 1) : 1 + rng.nextInt(11);
        boolean killed;
        try (Watch watch = new Watch(course.file())) {
            killed = switch (kind) {
                case 0 -> { // soon after start, every call held: before the batch, queued, or calls in flight
                    campaign.sd.holdFrom(base + 1);
                    yield campaign.runAndKill(name, campaign.batchArgs(course), () -> true, 300 + rng.nextInt(1500));
                }
                case 1 -> { // k stored, the next calls held by the server
                    campaign.sd.holdFrom(base + k + 1);
                    yield campaign.runAndKill(name, campaign.batchArgs(course), () -> campaign.sd.total() - base == k + BatchCrashCampaign.CONCURRENCY
                            && watch.count(Watch.STORED) == k, rng.nextInt(5));
                }
                default -> campaign.runAndKill(name, campaign.batchArgs(course), () -> watch.count(Watch.STORED) >= k, rng.nextInt(15));
            };
        }
        AtKill atKill = campaign.atKill(course);
        campaign.sd.release();
        if (atKill.runs().isEmpty()) {
            assertThat(campaign.requests(course)).as("calls before the batch was committed").isZero();
            try (Project p = campaign.projectFiles.open(course.file(), Access.READ_WRITE)) {
                assertThat(p.runs().list()).as("runs left by a batch killed before its commit").isEmpty();
                Batch again = campaign.batches.drive(p, campaign.batches.start(p, BatchCrashCampaign.LECTURE, List.of(),
                        BatchCrashCampaign.MODEL, null).id());
                assertThat(again.count(RunStatus.AWAITING_REVIEW)).as("the batch started again").isEqualTo(BatchCrashCampaign.SEGMENTS);
            }
            return new Landing(Phase.NO_BATCH, killed);
        }
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_WRITE)) {
            campaign.runService.resume(p);
        }
        campaign.assertResumedWithoutSecondPayment(course, atKill);
        return new Landing(atKill.phase(), killed);
    }

    private Landing acceptAllRound(String name) throws Exception {
        Course course = campaign.newCourse(name);
        String batchId;
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_WRITE)) {
            batchId = campaign.batches.start(p, BatchCrashCampaign.LECTURE, List.of(), BatchCrashCampaign.MODEL, null).id();
            assertThat(campaign.batches.drive(p, batchId).count(RunStatus.AWAITING_REVIEW)).isEqualTo(BatchCrashCampaign.SEGMENTS);
        }
        int k = rng.nextInt(BatchCrashCampaign.SEGMENTS);
        boolean killed;
        try (Watch watch = new Watch(course.file())) {
            killed = campaign.runAndKill(name, List.of("review", course.file().toString(), batchId, "--accept-all"),
                    () -> watch.count(Watch.ANSWERED) >= k, k == 0 ? 300 + rng.nextInt(1200) : rng.nextInt(20));
        }
        Phase phase;
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_WRITE)) {
            CrashCampaign.assertSound(p, "after the kill");
            List<Run> runs = p.runs().inBatch(batchId);
            int accepted = assertAcceptedIffCurrent(p, runs, "after the kill");
            long answered = runs.stream().filter(r -> p.runs().decision(r.id()).isPresent()).count();
            phase = answered == 0 ? Phase.ACCEPT_NONE : accepted == runs.size() ? Phase.ACCEPT_DONE : Phase.ACCEPT_PART;

            campaign.runService.resume(p); // applies the answers recorded before the kill
            campaign.batches.reviewAll(p, batchId, ReviewOutcome.ACCEPTED); // the author asks again for the rest

            List<Run> after = p.runs().inBatch(batchId);
            assertThat(after).extracting(Run::status).as("the batch's runs once accepted").containsOnly(RunStatus.SUCCEEDED);
            assertThat(assertAcceptedIffCurrent(p, after, "after accept-all again")).isEqualTo(BatchCrashCampaign.SEGMENTS);
            DataLossError.guard(() -> {
                for (Run r : after) {
                    assertThat(p.images().versions(r.candidates().get(0).imageKey())).as("versions of %s's image", r.segmentId()).hasSize(2);
                    campaign.assertIntact(p, course, r);
                }
            });
        }
        assertThat(campaign.requests(course)).as("calls: one per segment, none by the accepts").isEqualTo(BatchCrashCampaign.SEGMENTS);
        return new Landing(phase, killed);
    }

    /**
     * Accepted ⇔ current: a segment shows its run's image exactly when the run was accepted (else still its first
     * image), and the lecture's revision went up once per accept. Returns the number accepted.
     */
    private static int assertAcceptedIffCurrent(Project p, List<Run> runs, String when) {
        int[] accepted = {0};
        DataLossError.guard(() -> {
            Lecture lecture = p.lectures().load(BatchCrashCampaign.LECTURE).orElseThrow();
            for (Run r : runs) {
                Candidate image = r.candidates().get(0);
                VideoAsset v = lecture.video(r.segmentId()).orElseThrow();
                boolean shows = image.imageKey().equals(v.imageKey()) && v.imageVersion() == image.version();
                boolean isAccepted = r.reviewOutcome() == ReviewOutcome.ACCEPTED;
                assertThat(shows).as("segment %s shows run %s's image %s (run %s, %s)", r.segmentId(), r.id(), when, r.status().wireName(),
                        r.reviewOutcome()).isEqualTo(isAccepted);
                if (!shows) {
                    assertThat(v.imageVersion()).as("segment %s, not accepted yet, shows its first image", r.segmentId()).isEqualTo(1);
                }
                accepted[0] += isAccepted ? 1 : 0;
            }
            assertThat(lecture.revision()).as("the lecture's revision %s: once per accept", when).isEqualTo(1L + accepted[0]);
        });
        return accepted[0];
    }
}
