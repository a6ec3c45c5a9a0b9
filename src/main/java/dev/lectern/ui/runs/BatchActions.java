package dev.lectern.ui.runs;

import dev.lectern.lecture.Batch;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** What the runs panel's batch rows can ask for; the window's review flow does it. */
public interface BatchActions {
    void setPaused(Batch batch, boolean paused);

    void cancel(Batch batch);

    /** Its queued runs take the next free slots of their providers, ahead of every other run. */
    void moveToFront(Batch batch);

    /** Whether the whole queue is paused (in the project file, so across restarts and processes). */
    ReadOnlyBooleanProperty queuePausedProperty();

    /** Pauses the whole queue (a running call finishes, nothing new starts) or resumes it. */
    void setQueuePaused(boolean paused);

    /** Opens the oldest review waiting; answering it opens the next. */
    void reviewNext(Batch batch);

    /** Accepts ({@code accept}) or rejects every run of the batch awaiting review, after the view asked the author. */
    void answerAll(Batch batch, boolean accept);

    /** Does nothing: for panels shown without batches (tests, the warm-up). */
    BatchActions NONE = new BatchActions() {
        @Override
        public void setPaused(Batch batch, boolean paused) {
        }

        @Override
        public void cancel(Batch batch) {
        }

        @Override
        public void moveToFront(Batch batch) {
        }

        @Override
        public ReadOnlyBooleanProperty queuePausedProperty() {
            return new SimpleBooleanProperty(false);
        }

        @Override
        public void setQueuePaused(boolean paused) {
        }

        @Override
        public void reviewNext(Batch batch) {
        }

        @Override
        public void answerAll(Batch batch, boolean accept) {
        }
    };
}
