package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;

/** Builds the runs panel (the seed's Agent Progress) for embedding in a window. */
public final class RunsPanel {
    private final FxmlViews views;

    @Inject
    public RunsPanel(FxmlViews views) {
        this.views = views;
    }

    /** @param runs kept up to date by the caller on the FX thread; any order (the panel shows newest first) */
    public Embedded create(ObservableList<Run> runs, RunActions actions) {
        return create(runs, actions, Run::segmentId);
    }

    /** @param segmentTitle names a run's segment for people; blank falls back to the segment id */
    public Embedded create(ObservableList<Run> runs, RunActions actions, Function<Run, String> segmentTitle) {
        return create(runs, FXCollections.observableArrayList(), id -> List.of(), BatchActions.NONE, OlderRuns.NONE, actions, segmentTitle);
    }

    /**
     * @param batches  the batches in play, each a card in the list that shows its runs under it when expanded (issue 17)
     * @param runIdsOf a batch's run ids
     * @param older    the runs in the file older than {@code runs}, shown a page at a time on request
     */
    public Embedded create(ObservableList<Run> runs, ObservableList<Batch> batches, Function<String, List<String>> runIdsOf,
                           BatchActions batchActions, OlderRuns older, RunActions actions, Function<Run, String> segmentTitle) {
        RunsViewModel model = new RunsViewModel(runs, batches, runIdsOf, actions, segmentTitle);
        FxmlViews.Loaded<RunsPanelView> loaded = views.load(RunsPanelView.class);
        loaded.controller().bind(model, batchActions, older);
        return new Embedded(loaded.root(), model, loaded.controller());
    }

    /** The node to place in a layout, its view-model (to select a run from outside, say) and its view. */
    public record Embedded(Parent root, RunsViewModel model, RunsPanelView view) {
    }
}
