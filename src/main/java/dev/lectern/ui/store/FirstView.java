package dev.lectern.ui.store;

import dev.lectern.generation.RunArchiver;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.LectureSummary;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.SegmentDraft;
import dev.lectern.storage.Project;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window shows of a project just opened: its lectures, the first (null when it has none) with its drafts,
 * and the runs the panel starts with — every unfinished run and the newest {@value ProjectSession#RECENT_RUNS}
 * finished ones, so a project with twenty thousand old runs opens as fast as one with two hundred.
 */
public record FirstView(List<LectureSummary> lectures, Lecture lecture, Map<String, SegmentDraft> drafts, List<Run> runs) {
    private static final Logger LOG = LoggerFactory.getLogger(FirstView.class);

    /**
     * Reads it, after archiving the finished runs older than the project's {@code runs.archiveAfterDays} when the
     * project is open for writing (decision 0026). The runs are read beside the lecture, on the project's second
     * connection and a thread of their own, so a long lecture with many runs opens in the longer of the two reads,
     * not their sum. Off the FX thread: it reads and may write the file.
     */
    public static FirstView read(Project p, RunArchiver archiver) {
        archiveOnOpening(p, archiver);
        CompletableFuture<List<Run>> runs = CompletableFuture.supplyAsync(() -> p.runsBeside().recentAndUnfinished(ProjectSession.RECENT_RUNS),
                work -> new Thread(work, "lectern-open-runs").start());
        List<LectureSummary> summaries = p.lectures().list();
        Lecture first = summaries.isEmpty() ? null : p.lectures().load(summaries.get(0).id()).orElse(null);
        Map<String, SegmentDraft> drafts = first == null ? Map.of() : p.drafts().load(first.id());
        return new FirstView(summaries, first, drafts, runsOf(p, runs));
    }

    /** The runs read beside; if the second connection failed, read on the project's own (which says why if it fails too). */
    private static List<Run> runsOf(Project p, CompletableFuture<List<Run>> beside) {
        try {
            return beside.join();
        } catch (CompletionException e) {
            LOG.warn("runs not read on a second connection ({}); reading them on the project's", e.getCause().getMessage());
            return p.runs().recentAndUnfinished(ProjectSession.RECENT_RUNS);
        }
    }

    private static void archiveOnOpening(Project p, RunArchiver archiver) {
        if (!p.info().readOnly()) {
            try {
                int archived = archiver.applySetting(p);
                if (archived > 0) {
                    LOG.info("archived {} finished runs ({})", archived, ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS);
                }
            } catch (RuntimeException e) {
                // housekeeping: a project that cannot be tidied still opens, with its old runs shown
                LOG.warn("old finished runs were not archived: {}", e.getMessage());
            }
        }
    }
}
