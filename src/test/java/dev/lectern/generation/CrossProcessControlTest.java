package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.ControlRequestRepository;
import dev.lectern.storage.Project;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, decision 0020: a cancel or pause from a second process reaches the process that holds the project. A child
 * JVM runs {@code lectern batch --wait} against an AUTOMATIC1111-shaped server that keeps every call open; a second
 * child runs {@code lectern cancel} / {@code lectern pause} while the first holds the lock.
 */
class CrossProcessControlTest {
    @TempDir
    Path dir;
    BatchCrashCampaign campaign;

    @BeforeEach
    void setUp() throws Exception {
        campaign = new BatchCrashCampaign(dir, 19, 0, 0);
    }

    @AfterEach
    void tearDown() {
        campaign.close();
    }

    @Test
    void aCancelFromAnotherProcessStopsTheCallInFlightWithinASecond() throws Exception {
        BatchCrashCampaign.Course course = campaign.newCourse("cancel");
        campaign.sd.holdFrom(1); // every call stays open: only a cancel ends one
        Process holder = campaign.children.start("batch", campaign.batchArgs(course));
        try {
            await(() -> campaign.sd.total() == BatchCrashCampaign.CONCURRENCY, 60_000, "three calls in flight");
            String running = read(course, p -> p.runs().list().stream().filter(r -> r.status() == RunStatus.RUNNING)
                    .map(Run::id).findFirst()).orElseThrow();

            Process cancel = campaign.children.start("cancel", List.of("cancel", course.file().toString(), running));
            await(() -> read(course, p -> p.controlRequests().find(1)).isPresent(), 30_000, "the cancel's request in the file");
            long requested = System.nanoTime();
            await(() -> read(course, p -> p.runs().find(running).orElseThrow().status()) == RunStatus.CANCELLED, 10_000, "the run cancelled");
            long tookMs = (System.nanoTime() - requested) / 1_000_000;
            assertThat(tookMs).as("from the request in the file to the run ended, while its call was held open").isLessThan(1_000);
            cancel.waitFor();
            assertThat(cancel.exitValue()).as(campaign.children.output("cancel")).isZero();
            assertThat(campaign.children.output("cancel")).contains("cancelled by process " + holder.pid());

            Run ended = read(course, p -> p.runs().find(running).orElseThrow());
            assertThat(ended.messages().get(ended.messages().size() - 1).text()).startsWith("Cancelled before the preview was ready");
            assertThat(ended.candidates()).isEmpty();
            boolean unchanged = read(course, p -> p.lectures().load(BatchCrashCampaign.LECTURE).orElseThrow().videos().stream()
                    .allMatch(v -> v.imageVersion() == 1));
            assertThat(unchanged).as("no segment changed").isTrue();
            assertThat(holder.isAlive()).as("the holder goes on with the other runs").isTrue();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPauseFromAnotherProcessStartsNoNewCall() throws Exception {
        BatchCrashCampaign.Course course = campaign.newCourse("pause");
        campaign.sd.holdFrom(1);
        Process holder = campaign.children.start("batch", campaign.batchArgs(course));
        try {
            await(() -> campaign.sd.total() == BatchCrashCampaign.CONCURRENCY, 60_000, "three calls in flight");
            String batchId = read(course, p -> p.batches().list().get(0).id());
            campaign.children.run("pause", List.of("pause", course.file().toString(), batchId));
            assertThat(campaign.children.output("pause")).contains("batch " + batchId + " paused by process " + holder.pid());

            campaign.sd.release(); // the three in flight finish; nothing new may start
            await(() -> read(course, p -> p.runs().list().stream().filter(r -> r.status() == RunStatus.AWAITING_REVIEW).count()) == 3,
                    30_000, "the three running calls finished");
            Thread.sleep(1_500);
            assertThat(campaign.sd.total()).as("no call after the pause").isEqualTo(BatchCrashCampaign.CONCURRENCY);
            boolean paused = read(course, p -> p.batches().list().get(0).paused());
            assertThat(paused).isTrue();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    @Test
    void aRequestLeftWhileNobodyHeldTheProjectIsAppliedOnTheNextOpenAndAnUnknownOneIsIgnored() throws Exception {
        BatchCrashCampaign.Course course = campaign.newCourse("later");
        String batchId;
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_WRITE)) {
            batchId = campaign.batches.start(p, BatchCrashCampaign.LECTURE, List.of(), BatchCrashCampaign.MODEL, null).id();
        }
        try (Project p = campaign.projectFiles.open(course.file(), Access.CONTROL)) {
            p.controlRequests().request(ControlWatcher.PAUSE, batchId, "test", Instant.now());
            p.controlRequests().request("teleport", batchId, "a newer Lectern", Instant.now());
        }
        ControlWatcher watcher = new ControlWatcher(campaign.runService, campaign.batches, campaign.queue, java.time.Clock.systemUTC());
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_WRITE)) {
            assertThat(watcher.applyPending(p)).isEqualTo(2);
            List<ControlRequestRepository.Request> all = List.of(p.controlRequests().find(1).orElseThrow(), p.controlRequests().find(2).orElseThrow());
            assertThat(all).allMatch(ControlRequestRepository.Request::applied);
            assertThat(all.get(0).outcome()).startsWith("batch " + batchId + " paused");
            assertThat(all.get(1).outcome()).startsWith("ignored: this Lectern does not know the request 'teleport'");
            assertThat(p.batches().find(batchId).orElseThrow().paused()).isTrue();
            assertThat(p.controlRequests().pending()).isEmpty();
        }
        assertThat(campaign.sd.total()).as("a paused batch asked for nothing").isZero();
    }

    private <T> T read(BatchCrashCampaign.Course course, java.util.function.Function<Project, T> what) {
        try (Project p = campaign.projectFiles.open(course.file(), Access.READ_ONLY)) {
            return what.apply(p);
        }
    }

    private static void await(Supplier<Boolean> condition, long timeoutMs, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMs;
        while (!condition.get()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
