package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The runs list as rows (issue 17): a card per batch in play, its runs under it while it is expanded and nowhere
 * while it is collapsed, and every other run on its own. Kept element by element from the runs and the batches,
 * so a run's status change is one replaced row, not a rebuilt list of thousands.
 */
final class RunRows {
    private final ObservableList<RunsRow> entries = FXCollections.observableArrayList();
    private final FilteredList<RunsRow> shown = new FilteredList<>(new SortedList<>(entries, RunsRow.ORDER), r -> visible(r, Set.of()));
    private final Function<String, List<String>> runIdsOf;
    /** The batches shown as cards, by id. */
    private final Map<String, Batch> cards = new HashMap<>();
    /** Which shown batch each of their runs belongs to. */
    private final Map<String, Batch> batchOfRun = new HashMap<>();
    /** Remembered while the window is open, also for a batch not in play any more (it may come back with a retry). */
    private final Set<String> expanded = new HashSet<>();

    /** @param runIdsOf a batch's run ids, whichever ones the window has been told of */
    RunRows(ObservableList<Run> runs, ObservableList<Batch> batches, Function<String, List<String>> runIdsOf) {
        this.runIdsOf = runIdsOf;
        runs.forEach(r -> entries.add(lineFor(r)));
        runs.addListener((ListChangeListener<Run>) this::runsChanged);
        batches.addListener((ListChangeListener<Batch>) c -> show(batches));
        show(batches);
    }

    ObservableList<RunsRow> shown() {
        return shown;
    }

    boolean isExpanded(String batchId) {
        return expanded.contains(batchId);
    }

    void setExpanded(String batchId, boolean open) {
        if (open ? !expanded.add(batchId) : !expanded.remove(batchId)) {
            return;
        }
        Batch b = cards.get(batchId);
        if (b != null) {
            entries.set(indexOfCard(batchId), new RunsRow.Card(b, open));
        }
        Set<String> now = Set.copyOf(expanded);
        shown.setPredicate(r -> visible(r, now));
    }

    private static boolean visible(RunsRow row, Set<String> open) {
        return !(row instanceof RunsRow.Line l) || !l.inBatch() || open.contains(l.batchId());
    }

    private void runsChanged(ListChangeListener.Change<? extends Run> c) {
        while (c.next()) {
            if (c.wasPermutated()) {
                continue;
            }
            Set<String> added = new HashSet<>();
            c.getAddedSubList().forEach(r -> added.add(r.id()));
            for (Run gone : c.getRemoved()) {
                if (!added.contains(gone.id())) {
                    int at = indexOfRun(gone.id());
                    if (at >= 0) {
                        entries.remove(at);
                    }
                }
            }
            for (Run r : c.getAddedSubList()) {
                put(lineFor(r));
            }
        }
    }

    /** Cards for the batches now in play; the runs of one that came or went move under its card or out of it. */
    private void show(List<Batch> batches) {
        Map<String, Batch> now = new HashMap<>();
        batches.forEach(b -> now.put(b.id(), b));
        for (String gone : Set.copyOf(cards.keySet())) {
            if (!now.containsKey(gone)) {
                entries.remove(indexOfCard(gone));
                cards.remove(gone);
                regroup(gone, null);
            }
        }
        for (Batch b : batches) {
            Batch was = cards.put(b.id(), b);
            if (was == null) {
                entries.add(new RunsRow.Card(b, expanded.contains(b.id())));
                regroup(b.id(), b);
            } else if (!was.equals(b)) {
                entries.set(indexOfCard(b.id()), new RunsRow.Card(b, expanded.contains(b.id())));
            }
        }
    }

    private void regroup(String batchId, Batch batch) {
        for (String runId : runIdsOf.apply(batchId)) {
            if (batch == null) {
                batchOfRun.remove(runId);
            } else {
                batchOfRun.put(runId, batch);
            }
            int at = indexOfRun(runId);
            if (at >= 0) {
                entries.set(at, lineFor(((RunsRow.Line) entries.get(at)).run()));
            }
        }
    }

    private RunsRow.Line lineFor(Run run) {
        Batch b = batchOfRun.get(run.id());
        return b == null ? RunsRow.Line.loose(run) : new RunsRow.Line(run, b.id(), b.createdAt());
    }

    private void put(RunsRow.Line line) {
        int at = indexOfRun(line.run().id());
        if (at >= 0) {
            entries.set(at, line);
        } else {
            entries.add(line);
        }
    }

    private int indexOfRun(String runId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof RunsRow.Line l && l.run().id().equals(runId)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfCard(String batchId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof RunsRow.Card c && c.batch().id().equals(batchId)) {
                return i;
            }
        }
        return -1;
    }
}
