package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code lectern batch FILE LECTURE --wait} over 12 segments at concurrency 3 in a child JVM, killed with
 * SIGKILL once 5 responses were sent and stored and the next 3 calls are held by the server; then
 * {@code lectern resume FILE} in another child. The 5 stored are never asked for again, the 3 lost in flight are
 * asked once more, the 4 never started once: 15 calls, 12 runs awaiting review, the file sound.
 */
class BatchKillTest {
    static final int STORED_BEFORE_KILL = 5;

    @TempDir
    Path dir;
    BatchCrashCampaign campaign;

    @BeforeEach
    void setUp() throws Exception {
        campaign = new BatchCrashCampaign(dir, 17, 0, 30);
    }

    @AfterEach
    void tearDown() {
        campaign.close();
    }

    @Test
    void aBatchKilledMidWayResumesWithoutAskingForAStoredImageAgain() throws Exception {
        BatchCrashCampaign.Course course = campaign.newCourse("kill");
        campaign.sd.holdFrom(STORED_BEFORE_KILL + 1);
        int heldAtKill = BatchCrashCampaign.CONCURRENCY;
        boolean killed;
        try (BatchCrashCampaign.Watch watch = new BatchCrashCampaign.Watch(course.file())) {
            killed = campaign.runAndKill("batch", campaign.batchArgs(course), () -> campaign.sd.total() == STORED_BEFORE_KILL + heldAtKill
                    && watch.count(BatchCrashCampaign.Watch.STORED) == STORED_BEFORE_KILL, 0);
        }
        assertThat(killed).as("the batch was killed, not finished\n" + campaign.children.output("batch")).isTrue();
        BatchCrashCampaign.AtKill atKill = campaign.atKill(course);
        assertThat(atKill.runs()).as("runs at the kill").hasSize(BatchCrashCampaign.SEGMENTS);
        assertThat(atKill.runs().stream().filter(r -> !r.candidates().isEmpty())).as("runs with their image stored").hasSize(STORED_BEFORE_KILL);
        assertThat(atKill.inFlight()).as("runs with a call held by the server").isEqualTo(heldAtKill);
        assertThat(atKill.phase()).isEqualTo(BatchCrashCampaign.Phase.STORING);
        campaign.sd.release();

        String resumed = campaign.children.run("resume", List.of("resume", course.file().toString()));

        assertThat(resumed.lines()).as("what resume printed: each unfinished run and where it ended")
                .hasSize(BatchCrashCampaign.SEGMENTS).allMatch(l -> l.endsWith(" awaiting_review"));
        List<Run> after = campaign.assertResumedWithoutSecondPayment(course, atKill);
        assertThat(campaign.requests(course)).as("5 stored once, 3 lost in flight twice, 4 once")
                .isEqualTo(BatchCrashCampaign.SEGMENTS + heldAtKill);
        assertThat(after).extracting(Run::segmentId).doesNotHaveDuplicates();
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_ONLY)) {
            assertThat(p.batches().list()).singleElement().satisfies(b -> {
                assertThat(b.count(RunStatus.AWAITING_REVIEW)).isEqualTo(BatchCrashCampaign.SEGMENTS);
                assertThat(b.state()).isEqualTo("awaiting_review");
            });
            assertThat(p.lectures().load(BatchCrashCampaign.LECTURE).orElseThrow().videos()).extracting(VideoAsset::imageVersion)
                    .as("no segment changed before its review").containsOnly(1);
        }
    }
}
