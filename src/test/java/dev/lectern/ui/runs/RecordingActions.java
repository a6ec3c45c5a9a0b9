package dev.lectern.ui.runs;

import dev.lectern.lecture.Run;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers every call as "action:run-id" and the run records it was given. */
final class RecordingActions implements RunActions {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Run> given = new CopyOnWriteArrayList<>();

    @Override
    public void cancel(Run run) {
        record("cancel", run);
    }

    @Override
    public void retry(Run run) {
        record("retry", run);
    }

    @Override
    public void openReview(Run run) {
        record("review", run);
    }

    @Override
    public void moveToFront(Run run) {
        record("front", run);
    }

    private void record(String action, Run run) {
        calls.add(action + ":" + run.id());
        given.add(run);
    }
}
