package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCHITECTURE.md §4 under SIGKILL: {@link CrashCampaign}'s kill -9 rounds through the real command line, with
 * the checks it describes, for {@value #ROUNDS} rounds ({@code -Dcrash.rounds=}); the reliability suite runs the
 * same campaign for 100 kills and more. The choices come from a fixed master seed ({@code -Dcrash.seed=}).
 */
class WorkflowCrashTest {
    static final long MASTER_SEED = Long.getLong("crash.seed", CrashCampaign.DEFAULT_SEED);
    static final int ROUNDS = Integer.getInteger("crash.rounds", 22);
    static final String MODEL = CrashCampaign.MODEL;

    @TempDir
    Path dir;
    CrashCampaign campaign;

    @BeforeEach
    void setUp() throws Exception {
        campaign = new CrashCampaign(dir, MASTER_SEED);
    }

    @AfterEach
    void tearDown() {
        campaign.close();
    }

    @Test
    void killedGenerationsAndAcceptsResumeWithoutDoubleCallsOrLostAccepts() throws Exception {
        CrashCampaign.Result result = campaign.run(ROUNDS, 0, ROUNDS, true);
        if (result.failure() != null) {
            throw new AssertionError(result.failure().getMessage(), result.failure());
        }
        assertThat(result.inFlightKills()).as("kills that landed while a generation was in flight\n" + result.summary()).isGreaterThanOrEqualTo(3);
        assertThat(result.acceptKills()).as("review children killed while applying their answer\n" + result.summary()).isGreaterThanOrEqualTo(3);
    }

    /**
     * The state a kill between recording an answer and applying it leaves, met without a resume: asking again
     * finishes applying the same answer (a different one is refused), and regenerating the segment applies the
     * recorded answer instead of cancelling it. Neither calls the image server again.
     */
    @Test
    void anAnswerRecordedBeforeACrashIsAppliedWhenTheAuthorActsAgain() {
        try (Project p = campaign.projectFiles.open(campaign.file, Access.READ_WRITE)) {
            Run a = campaign.runService.regenerate(p, "seg-a", "answered, then the app died (a)", MODEL);
            Run b = campaign.runService.regenerate(p, "seg-b", "answered, then the app died (b)", MODEL);
            Run c = campaign.runService.regenerate(p, "seg-c", "answered, then the app died (c)", MODEL);
            assertThat(List.of(a, b, c)).extracting(Run::status).containsOnly(RunStatus.AWAITING_REVIEW);
            assertThat(p.runs().recordDecision(a.id(), ReviewOutcome.ACCEPTED, 1)).isTrue();
            assertThat(p.runs().recordDecision(b.id(), ReviewOutcome.ACCEPTED, 1)).isTrue();
            assertThat(p.runs().recordDecision(c.id(), ReviewOutcome.REJECTED, null)).isTrue();

            Run retried = campaign.runService.review(p, a.id(), null, ReviewOutcome.ACCEPTED);
            assertThat(retried.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(retried.reviewOutcome()).isEqualTo(ReviewOutcome.ACCEPTED);

            Run next = campaign.runService.regenerate(p, "seg-b", "a new idea for b", MODEL);
            Run superseded = campaign.runService.find(p, b.id());
            assertThat(superseded.status()).as("the answered run of the regenerated segment").isEqualTo(RunStatus.SUCCEEDED);
            assertThat(superseded.reviewOutcome()).isEqualTo(ReviewOutcome.ACCEPTED);
            assertThat(next.status()).isEqualTo(RunStatus.AWAITING_REVIEW);

            assertThatThrownBy(() -> campaign.runService.review(p, c.id(), null, ReviewOutcome.ACCEPTED))
                    .hasMessageContaining("already answered (rejected)");
            assertThat(campaign.runService.resume(p)).extracting(Run::id).contains(c.id());
            assertThat(campaign.runService.find(p, c.id()).reviewOutcome()).isEqualTo(ReviewOutcome.REJECTED);

            List<Run> all = p.runs().list();
            campaign.assertAcceptedIffCurrent(p, all, "after acting again");
            for (Run r : all) {
                assertThat(campaign.sd.calls(r.requestedPrompt())).as("provider calls for run %s", r.id()).isEqualTo(1);
                campaign.assertPreviewIntact(p, r);
            }
            CrashCampaign.assertSound(p, "after acting again");
        }
    }
}
