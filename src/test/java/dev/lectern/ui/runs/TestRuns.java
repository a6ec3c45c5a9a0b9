package dev.lectern.ui.runs;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Runs in any status, as the workflow would leave them. */
final class TestRuns {
    static final Instant T0 = Instant.parse("2025-06-10T08:00:00Z");

    private TestRuns() {
    }

    /** Run {@code n} of segment {@code seg-n}, created {@code n} minutes after T0 (a higher n is newer). */
    static Run run(int n, RunStatus status) {
        Instant created = T0.plusSeconds(60L * n);
        List<RunMessage> messages = new ArrayList<>(List.of(new RunMessage(created, "Regeneration requested")));
        GenerationSettings settings = status == RunStatus.QUEUED ? null : new GenerationSettings("local/sd-" + n,
                GenerationSettings.ModelSource.EDITOR, "prompt " + n, "styled prompt " + n, 1024, 576, "16:9");
        PreviewImage preview = null;
        String error = null;
        ReviewOutcome outcome = null;
        switch (status) {
            case RUNNING -> messages.add(new RunMessage(created.plusSeconds(1), "Generating image"));
            case AWAITING_REVIEW -> {
                preview = new PreviewImage("video-img-run-" + n + "-seg-" + n, 2, "0".repeat(64), 1024, 576);
                messages.add(new RunMessage(created.plusSeconds(5), "Starting image ready for review"));
            }
            case SUCCEEDED -> {
                outcome = ReviewOutcome.ACCEPTED;
                messages.add(new RunMessage(created.plusSeconds(9), "Starting image regeneration complete"));
            }
            case FAILED -> {
                error = "The image server refused the prompt (content policy)";
                messages.add(new RunMessage(created.plusSeconds(3), error));
            }
            case CANCELLED -> messages.add(new RunMessage(created.plusSeconds(2), "Cancelled by the author; the starting image is unchanged"));
            case EXPIRED -> messages.add(new RunMessage(created.plusSeconds(2), "Nobody reviewed the image in time"));
            default -> {
            }
        }
        return new Run("run-" + n, "lecture-1", "seg-" + n, status, outcome, "prompt " + n, "local/sd-" + n, null, null, settings,
                preview, preview == null ? List.of() : List.of(new Candidate(1, preview.startingImageId(), preview.version(), preview.sha256(),
                preview.width(), preview.height(), null, false)), error, created, created, status == RunStatus.AWAITING_REVIEW ? created.plusSeconds(3600) : null, messages);
    }

    /** One run per status, the oldest first: run-1 queued ... run-7 expired. */
    static List<Run> onePerStatus() {
        List<Run> runs = new ArrayList<>();
        RunStatus[] all = RunStatus.values();
        for (int i = 0; i < all.length; i++) {
            runs.add(run(i + 1, all[i]));
        }
        return runs;
    }
}
