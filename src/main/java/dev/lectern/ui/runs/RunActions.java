package dev.lectern.ui.runs;

import dev.lectern.lecture.Run;

/**
 * What the runs panel asks its owner to do. Called on the FX thread, only when the run's status allows it;
 * implementations do the service work off the FX thread and report back through the observable run list.
 */
public interface RunActions {
    /** Queued, running or awaiting review: stop it; the starting image stays unchanged. */
    void cancel(Run run);

    /** Failed, cancelled or expired: start a new run for the same segment with the same prompt and model. */
    void retry(Run run);

    /** Awaiting review: open the review dialog for its preview. */
    void openReview(Run run);

    /** Queued: give it the next free slot of its provider, ahead of every other run. */
    void moveToFront(Run run);

    /** Does nothing: for rows no window shows (the warm-up), which are never clicked. */
    RunActions NONE = new RunActions() {
        @Override
        public void cancel(Run run) {
        }

        @Override
        public void retry(Run run) {
        }

        @Override
        public void openReview(Run run) {
        }

        @Override
        public void moveToFront(Run run) {
        }
    };
}
