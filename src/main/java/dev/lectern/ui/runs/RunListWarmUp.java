package dev.lectern.ui.runs;

import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.common.ListWarmUp;
import dev.lectern.ui.common.SpinClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.control.ListView;

/**
 * The runs panel's rows, made and scrolled through off screen once after start-up (decision 0015): the first
 * regenerations bring a screenful of rows into the panel in one frame, and in a fresh JVM that frame ran
 * interpreted code for every one of them. The rows have a view-model of their own, with no runs and no actions,
 * and a spin clock of their own, which stops when the run through them ends.
 */
final class RunListWarmUp {
    /** Enough rows for the JIT to compile what a row runs, in every status. */
    static final int ROWS = 210;

    private RunListWarmUp() {
    }

    static ListWarmUp<RunsRow> of(ListView<RunsRow> shown, HumanTime time) {
        return of(shown, time, new SpinClock());
    }

    static ListWarmUp<RunsRow> of(ListView<RunsRow> shown, HumanTime time, SpinClock spin) {
        RunsViewModel none = new RunsViewModel(FXCollections.observableArrayList(), RunActions.NONE, Run::segmentId);
        ListView<RunsRow> offScreen = new ListView<>();
        offScreen.setCellFactory(list -> new RunCell(none, time, spin, BatchActions.NONE, Clock.systemUTC()));
        return ListWarmUp.standingInFor(shown, offScreen, rows().stream().map(r -> (RunsRow) RunsRow.Line.loose(r)).toList());
    }

    /** Runs in every status, in turn; those awaiting review have a preview, so their rows show Review. */
    static List<Run> rows() {
        RunStatus[] statuses = RunStatus.values();
        Instant at = Instant.parse("2026-01-01T09:00:00Z");
        List<Run> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            RunStatus status = statuses[i % statuses.length];
            String segment = String.format(Locale.ROOT, "warm-up-%03d", i);
            PreviewImage preview = status == RunStatus.AWAITING_REVIEW ? new PreviewImage(segment, 2, null, 1024, 576) : null;
            String error = status == RunStatus.FAILED ? "The image server did not answer" : null;
            rows.add(new Run("warm-up-run-" + i, "warm-up", segment, status, null, null, "titlecard", null, null, null, preview, List.of(), error,
                    at.plusSeconds(i), at.plusSeconds(i), null, List.of(new RunMessage(at, "Queued"),
                    new RunMessage(at.plusSeconds(i), "Generating the image with titlecard"))));
        }
        return rows;
    }
}
