package dev.lectern.reliability;

import dev.lectern.generation.CrashCampaign;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crash: {@link CrashCampaign} (the machinery of {@code WorkflowCrashTest}) until at least 100 children of the
 * real command line were killed with SIGKILL while regenerating or accepting; after each: resume,
 * {@code integrity_check} ok, no accepted version lost, no run accepted whose segment points elsewhere, no run
 * awaiting review lost, every preview the bytes the server sent. {@code tried} counts the random kill points
 * (rounds); a round whose child finished before its kill still counts, and is checked the same way.
 * {@code -Dcrash.seed=} replays a campaign, {@code -Dreliability.crash.kills=} sets the number of kills.
 */
class CrashReliability {
    static final long SEED = Long.getLong("crash.seed", CrashCampaign.DEFAULT_SEED);
    static final int KILLS = Integer.getInteger("reliability.crash.kills", 100);

    @TempDir
    Path dir;

    @Test
    void killNineAcrossRegenerateAndAcceptLosesNothing() throws Exception {
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
        if (result.failure() == null && (result.inFlightKills() < 3 || result.acceptKills() < 3)) {
            tally.fail("too few kills in flight (" + result.inFlightKills() + ") or during accept (" + result.acceptKills() + ")");
        }
        tally.finish(result.killed() + " kill -9, " + result.inFlightKills() + " with a request in flight, "
                + result.acceptKills() + " during accept, seed " + SEED);
    }
}
