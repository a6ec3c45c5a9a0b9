package dev.lectern.ui.runs;

import static dev.lectern.ui.runs.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import java.time.Instant;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The panel's rules without a window: order, which status allows what, a selection that follows its run. */
class RunsViewModelTest {
    private final ObservableList<Run> source = FXCollections.observableArrayList(TestRuns.onePerStatus());
    private final RecordingActions actions = new RecordingActions();
    private final RunsViewModel model = new RunsViewModel(source, actions, r -> "Segment " + r.segmentId());

    @Test
    void newestFirst() {
        assertThat(model.runs()).extracting(Run::id)
                .containsExactly("run-7", "run-6", "run-5", "run-4", "run-3", "run-2", "run-1");
    }

    @Test
    void eachStatusAllowsItsActions() {
        for (Run r : source) {
            RunStatus s = r.status();
            assertThat(RunsViewModel.canCancel(r)).as("cancel " + s)
                    .isEqualTo(s == RunStatus.QUEUED || s == RunStatus.RUNNING || s == RunStatus.AWAITING_REVIEW);
            assertThat(RunsViewModel.canRetry(r)).as("retry " + s)
                    .isEqualTo(s == RunStatus.FAILED || s == RunStatus.CANCELLED || s == RunStatus.EXPIRED);
            assertThat(RunsViewModel.canOpenReview(r)).as("review " + s).isEqualTo(s == RunStatus.AWAITING_REVIEW);
            assertThat(RunsViewModel.isInProgress(r)).as("spinner " + s).isEqualTo(s == RunStatus.QUEUED || s == RunStatus.RUNNING);
        }
    }

    @Test
    void actionsUseTheRunAsItIsNowAndSkipStaleRows() {
        Run failed = source.get(4);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        model.retry(failed);
        assertThat(actions.calls).containsExactly("retry:run-5");

        Run running = source.get(1);
        Run ended = running.failed(RunStatus.CANCELLED, Instant.now(), "Cancelled elsewhere");
        source.set(1, ended);
        model.cancel(running); // the row the author clicked is stale: the run already ended
        assertThat(actions.calls).containsExactly("retry:run-5");
        model.retry(running);
        assertThat(actions.calls).containsExactly("retry:run-5", "retry:run-2");
        assertThat(actions.given.get(1)).isSameAs(ended);
    }

    @Test
    void theSelectionFollowsItsRunThroughUpdatesAndIsClearedWhenItGoes() {
        Run running = source.get(1);
        model.select(running);
        assertThat(model.canCancelSelectedProperty().get()).isTrue();
        assertThat(model.canOpenReviewSelectedProperty().get()).isFalse();

        Run waiting = run(2, RunStatus.AWAITING_REVIEW);
        source.set(1, waiting);
        assertThat(model.selectedProperty().get()).isSameAs(waiting);
        assertThat(model.canOpenReviewSelectedProperty().get()).isTrue();
        assertThat(model.canRetrySelectedProperty().get()).isFalse();

        source.remove(waiting);
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.canCancelSelectedProperty().get()).isFalse();
    }

    @Test
    void textsForPeople() {
        assertThat(model.segmentTitle(source.get(0))).isEqualTo("Segment seg-1");
        assertThat(new RunsViewModel(source, actions, r -> " ").segmentTitle(source.get(0))).isEqualTo("seg-1");
        assertThat(RunsViewModel.modelText(source.get(0))).as("queued: the editor's request").isEqualTo("local/sd-1");
        assertThat(RunsViewModel.lastMessage(source.get(4))).contains("content policy");
        assertThat(RunsViewModel.statusText(RunStatus.AWAITING_REVIEW)).isEqualTo("Awaiting review");
    }
}
