package dev.lectern.ui.runs;

import static dev.lectern.ui.runs.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The runs list's rows without a window: a card that comes before its runs, and a status change inside a batch. */
class RunRowsTest {
    private final ObservableList<Run> runs = FXCollections.observableArrayList();
    private final ObservableList<Batch> batches = FXCollections.observableArrayList();
    private final RunRows rows = new RunRows(runs, batches, id -> id.equals("b1") ? List.of("run-2", "run-3") : List.of());

    @Test
    void runsThatArriveAfterTheirCardGoUnderItAndAReplacedRunKeepsItsPlace() {
        runs.add(run(1, RunStatus.SUCCEEDED));
        batches.add(new Batch("b1", "lec", TestRuns.T0.plusSeconds(119), false, false, Map.of(RunStatus.QUEUED, 2)));
        runs.addAll(run(2, RunStatus.QUEUED), run(3, RunStatus.QUEUED));
        assertThat(read()).containsExactly("b1", "run-1");

        rows.setExpanded("b1", true);
        assertThat(read()).containsExactly("b1", "  run-2", "  run-3", "run-1");
        assertThat(((RunsRow.Card) rows.shown().get(0)).expanded()).isTrue();

        runs.set(1, run(2, RunStatus.AWAITING_REVIEW));
        assertThat(read()).containsExactly("b1", "  run-2", "  run-3", "run-1");
        assertThat(((RunsRow.Line) rows.shown().get(1)).run().status()).isEqualTo(RunStatus.AWAITING_REVIEW);

        runs.remove(2);
        assertThat(read()).containsExactly("b1", "  run-2", "run-1");
    }

    private List<String> read() {
        return rows.shown().stream().map(r -> r instanceof RunsRow.Card c ? c.batch().id()
                : (((RunsRow.Line) r).inBatch() ? "  " : "") + ((RunsRow.Line) r).run().id()).toList();
    }
}
