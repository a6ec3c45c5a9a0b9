package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.testing.ChildLectern;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code lectern regenerate --candidates 4} in a child JVM, killed with SIGKILL while its third call is
 * held by the server (so exactly two candidates are committed), then {@code lectern resume} in another child: two
 * more calls with the next seeds, none for the stored two, and accepting candidate 3 shows its bytes.
 */
class CandidateKillTest {
    static final String PROMPT = "four lighthouses, one at a time";
    static final long FIRST_SEED = 500;

    @TempDir
    Path dir;
    CrashCampaign campaign;
    ChildLectern lectern;

    @BeforeEach
    void setUp() throws Exception {
        campaign = new CrashCampaign(dir, CrashCampaign.DEFAULT_SEED);
        lectern = campaign.children;
    }

    @AfterEach
    void tearDown() {
        campaign.sd.release();
        campaign.close();
    }

    @Test
    void aChildKilledAfterTwoOfFourResumesWithTwoMoreCallsAndNoSecondPayment() throws Exception {
        String file = campaign.file.toString();
        campaign.sd.hold(3);
        Process child = lectern.start("regenerate", List.of("regenerate", file, "seg-a", "--candidates", "4", "--seed",
                String.valueOf(FIRST_SEED), "--model", CrashCampaign.MODEL, "--prompt", PROMPT));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (campaign.sd.total() < 3 && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(campaign.sd.total()).as("calls the server had when the child was killed\n" + lectern.output("regenerate")).isEqualTo(3);
        List<String> storedBeforeKill = storedCandidates();
        assertThat(storedBeforeKill).as("candidates committed while the third call is held").hasSize(2);
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed with SIGKILL").isEqualTo(ChildLectern.SIGKILL_EXIT);
        campaign.sd.release();

        lectern.run("resume", List.of("resume", file));

        assertThat(campaign.sd.total()).as("calls after resume: the held one, lost with the child, and the fourth").isEqualTo(5);
        assertThat(campaign.sd.seeds(PROMPT)).as("seeds asked, in order").containsExactly(500L, 501L, 502L, 502L, 503L);
        Run run;
        try (Project p = campaign.projectFiles.open(campaign.file, Access.READ_ONLY)) {
            run = p.runs().list().stream().filter(r -> PROMPT.equals(r.requestedPrompt())).findFirst().orElseThrow();
        }
        assertThat(run.status()).isEqualTo(RunStatus.AWAITING_REVIEW);
        assertThat(run.candidates()).extracting(Candidate::seed).containsExactly(500L, 501L, 502L, 503L);
        assertThat(run.candidates().subList(0, 2)).extracting(Candidate::sha256).isEqualTo(storedBeforeKill);
        assertThat(run.candidates()).extracting(Candidate::sha256).doesNotHaveDuplicates();

        lectern.run("accept", List.of("review", file, run.id(), "--accept", "--candidate", "3"));

        try (Project p = campaign.projectFiles.open(campaign.file, Access.READ_ONLY)) {
            VideoAsset seg = p.lectures().load(CrashCampaign.LECTURE).orElseThrow().video("seg-a").orElseThrow();
            Candidate third = run.candidate(3).orElseThrow();
            assertThat(seg.imageVersion()).as("seg-a's version after accepting candidate 3").isEqualTo(third.version());
            byte[] shown = p.images().bytes(seg.startingImageId(), seg.imageVersion()).orElseThrow();
            assertThat(ImageContent.sha256(shown)).isEqualTo(third.sha256()).isEqualTo(campaign.sd.sha256(PROMPT, 502L));
            CrashCampaign.assertSound(p, "after the accept");
        }
    }

    /** The sha256 of the run's stored candidates, read while the child holds the project (WAL lets a reader in). */
    private List<String> storedCandidates() throws Exception {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(1000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + campaign.file.toAbsolutePath());
             PreparedStatement ps = c.prepareStatement("SELECT v.sha256 FROM run_candidates rc JOIN runs r ON r.id = rc.run_id"
                     + " JOIN image_versions v ON v.image_key = rc.image_key AND v.version = rc.version"
                     + " WHERE r.requested_prompt = ? ORDER BY rc.idx")) {
            ps.setString(1, PROMPT);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
