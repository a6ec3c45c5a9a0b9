package dev.lectern.reliability;

import dev.lectern.generation.CrashCampaign;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crash: {@link CrashCampaign} (the machinery of {@code WorkflowCrashTest}) until at least 100 children of the
 * real command line were killed with SIGKILL while regenerating (some with {@code --candidates 2..4}), accepting
 * (some a later candidate) or restoring an earlier version; after each: resume, {@code integrity_check} ok, no
 * accepted or restored version lost, no run accepted whose segment points elsewhere, no run awaiting review lost,
 * no stored candidate asked for again, no blob added by a restore, every candidate the bytes the server sent. {@code tried} counts the random kill points
 * (rounds); a round whose child finished before its kill still counts, and is checked the same way.
 * {@code -Dcrash.seed=} replays a campaign, {@code -Dreliability.crash.kills=} sets the number of kills.
 */
class CrashReliability {
    static final long SEED = Long.getLong("crash.seed", CrashCampaign.DEFAULT_SEED);
    static final int KILLS = Integer.getInteger("reliability.crash.kills", 100);
    /** Each kind of kill at least this often: 3 in a run of 100 kills, 1 in a short one. */
    static final int EACH_KIND = Math.max(1, KILLS * 3 / 100);

    @TempDir
    Path dir;

    @Test
    void killNineAcrossRegenerateCandidatesAcceptAndRestoreLosesNothing() throws Exception {
        ReliabilityReport.Tally tally = new ReliabilityReport.Tally("crash");
        CrashCampaign.Result result;
        try (CrashCampaign campaign = new CrashCampaign(dir, SEED)) {
            result = campaign.run(0, KILLS, KILLS * 2, false);
        }
        tally.add(result.rounds(), result.passedRounds(), result.dataLost() ? 1 : 0,
                result.failure() == null ? null : result.failure().getMessage());
        if (result.failure() == null && result.killed() < KILLS) {
            tally.fail("only " + result.killed() + " children killed in " + result.rounds() + " rounds, fewer than " + KILLS);
        }
        if (result.failure() == null && (result.inFlightKills() < EACH_KIND || result.acceptKills() < EACH_KIND
                || result.candidateKills() < EACH_KIND || result.restoreKills() < EACH_KIND)) {
            tally.fail("too few kills (fewer than " + EACH_KIND + ") in flight (" + result.inFlightKills() + "), during accept ("
                    + result.acceptKills() + "), during candidates (" + result.candidateKills() + ") or during restore ("
                    + result.restoreKills() + ")");
        }
        tally.finish(result.killed() + " kill -9, " + result.inFlightKills() + " with a request in flight, "
                + result.acceptKills() + " during accept, " + result.candidateKills() + " during candidates, "
                + result.restoreKills() + " during restore, seed " + SEED);
    }
}
