package dev.lectern.reliability;

import dev.lectern.generation.BatchCrashCampaign;
import dev.lectern.generation.BatchCrashCampaign.Phase;
import dev.lectern.generation.BatchCrashRounds;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * batch: {@link BatchCrashRounds} — 20 children of the real command line killed with SIGKILL during 12-segment
 * batches at concurrency 3 (soon after start, with calls in flight, while images are being stored, during
 * accept-all), each then resumed and checked: {@code integrity_check} ok, no stored image asked for again, at most
 * one more call per run in flight, accepted ⇔ current, the revision up once per accept. {@code tried} counts the
 * rounds; each must pass, and the kills must have landed before calls, in flight, while storing and in accept-all.
 * {@code -Dbatch.seed=} replays the choices, {@code -Dreliability.batch.kills=} sets the number of rounds.
 */
class BatchReliability {
    static final long SEED = Long.getLong("batch.seed", 0xBA7C4L);
    static final int KILLS = Integer.getInteger("reliability.batch.kills", 20);

    @TempDir
    Path dir;

    @Test
    void killNineAcrossBatchesLosesNothingAndPaysForNoImageTwice() throws Exception {
        ReliabilityReport.Tally tally = new ReliabilityReport.Tally("batch");
        BatchCrashRounds.Result result;
        try (BatchCrashCampaign campaign = new BatchCrashCampaign(dir, SEED, 0, 40)) {
            result = new BatchCrashRounds(campaign, SEED).run(KILLS);
        }
        tally.add(result.tried(), result.passed(), result.lost(), null);
        result.failures().forEach(tally::fail);
        int before = result.landed(Phase.NO_BATCH, Phase.QUEUED);
        int inFlight = result.landed(Phase.IN_FLIGHT);
        int storing = result.landed(Phase.STORING);
        int accepting = result.landed(Phase.ACCEPT_NONE, Phase.ACCEPT_PART);
        if (result.failures().isEmpty() && (before + inFlight == 0 || inFlight == 0 || storing == 0 || accepting == 0)) {
            tally.fail("kills did not cover the batch's life: before calls " + before + ", in flight " + inFlight + ", storing "
                    + storing + ", during accept-all " + accepting + " (" + result.phases() + ")");
        }
        tally.finish(result.killed() + " kill -9: " + before + " before calls, " + inFlight + " with calls in flight, " + storing
                + " while storing, " + accepting + " during accept-all, " + result.landed(Phase.ALL_STORED, Phase.ACCEPT_DONE)
                + " after the work was done; seed " + SEED);
    }
}
