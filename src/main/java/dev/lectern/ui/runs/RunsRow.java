package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.Run;
import java.time.Instant;
import java.util.Comparator;

/**
 * One row of the runs list: a batch's card or a run. The batch's runs are rows of the same list under its card, so
 * the list stays one virtualised list of fixed-height rows (decision 0013), however many batches are open.
 */
public sealed interface RunsRow {
    /** Newest group first; in a batch its card, then its runs in the order they were queued. */
    Comparator<RunsRow> ORDER = Comparator.comparing(RunsRow::groupAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RunsRow::groupId, Comparator.reverseOrder())
            .thenComparing(r -> r instanceof Line)
            .thenComparing(r -> r instanceof Line l ? l.run().createdAt() : null, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(r -> r instanceof Line l ? l.run().id() : "");

    /** When the row's group began: its batch's start, or the run's own for a run of no batch shown. */
    Instant groupAt();

    String groupId();

    /** A batch's card; {@code expanded} is part of the row, so toggling it redraws the row's chevron. */
    record Card(Batch batch, boolean expanded) implements RunsRow {
        @Override
        public Instant groupAt() {
            return batch.createdAt();
        }

        @Override
        public String groupId() {
            return batch.id();
        }
    }

    /** A run; {@code batchId} is set when it is drawn under its batch's card, indented. */
    record Line(Run run, String batchId, Instant batchAt) implements RunsRow {
        static Line loose(Run run) {
            return new Line(run, null, null);
        }

        public boolean inBatch() {
            return batchId != null;
        }

        @Override
        public Instant groupAt() {
            return inBatch() ? batchAt : run.createdAt();
        }

        @Override
        public String groupId() {
            return inBatch() ? batchId : run.id();
        }
    }
}
