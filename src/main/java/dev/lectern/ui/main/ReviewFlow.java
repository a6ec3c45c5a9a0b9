package dev.lectern.ui.main;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.Dialogs;
import dev.lectern.ui.review.ReviewChoice;
import dev.lectern.ui.review.ReviewDialog;
import dev.lectern.ui.review.ReviewRequest;
import dev.lectern.ui.runs.BatchActions;
import dev.lectern.ui.runs.RunActions;
import dev.lectern.ui.store.BatchQueue;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * Connects runs to the review: a preview that becomes ready opens its review unless one is showing, the runs
 * panel's actions go to the session, and a review closes itself when its run ends elsewhere.
 */
@Singleton
public final class ReviewFlow implements RunActions, BatchActions {
    private final ProjectSession session;
    private final ReviewDialog dialogs;
    private final Background background;
    private final Dialogs messages;
    private final BatchQueue batches;
    private StackPane window;
    /** The run under review and its review, or null; its batch once known (null for a run of none). */
    private Run reviewing;
    private Batch reviewingBatch;
    private ReviewDialog.Shown shown;
    /** Runs answered here whose answer the window has not yet seen applied: never offered for review again. */
    private final Set<String> answered = new HashSet<>();

    @Inject
    public ReviewFlow(ProjectSession session, ReviewDialog dialogs, Background background, Dialogs messages, BatchQueue batches) {
        this.session = session;
        this.batches = batches;
        this.dialogs = dialogs;
        this.background = background;
        this.messages = messages;
        session.setOnPreviewReady(this::offerReview);
        session.runs().addListener((ListChangeListener<Run>) c -> closeEnded());
    }

    /** The window's top layer, where reviews show. FX thread, once. */
    void attach(StackPane windowLayers) {
        this.window = windowLayers;
        dialogs.attach(windowLayers);
    }

    /** Builds the review ahead, while the author is idle: the first preview then opens it at once. */
    void prepare() {
        dialogs.prepare();
    }

    /** The run whose review is showing, if any. */
    public Optional<String> reviewing() {
        return shown != null && shown.isShowing() ? Optional.of(reviewing.id()) : Optional.empty();
    }

    /** Whether a review is showing over the window. */
    public ReadOnlyBooleanProperty showingProperty() {
        return dialogs.showingProperty();
    }

    /**
     * A preview just became ready: open its review unless one is showing. Twenty regenerations must not bury the
     * author under twenty reviews; the others wait in the runs panel with their Review button.
     */
    void offerReview(Run run) {
        if (reviewing().isEmpty()) {
            openReview(run);
        }
    }

    @Override
    public void openReview(Run run) {
        Project project = session.project();
        if (answered.contains(run.id())) {
            return; // answered a moment ago; the window has not yet seen it applied
        }
        if (project == null || run.preview() == null || run.status() != RunStatus.AWAITING_REVIEW) {
            return;
        }
        if (reviewing().filter(run.id()::equals).isPresent()) {
            return;
        }
        var shown = session.store().lectureProperty().get();
        if (shown != null && shown.id().equals(run.lectureId())) {
            show(project, run, session.store().committed(run.segmentId()).orElse(null));
        } else {
            background.run(() -> project.lectures().load(run.lectureId()).flatMap(l -> l.video(run.segmentId())).orElse(null),
                    segment -> show(project, run, segment), e -> messages.showError(owner(), "The review could not be opened", e));
        }
    }

    @Override
    public void cancel(Run run) {
        session.cancel(run);
    }

    @Override
    public void retry(Run run) {
        session.retry(run);
    }

    @Override
    public void setPaused(Batch batch, boolean paused) {
        batches.setPaused(batch, paused);
    }

    @Override
    public void cancel(Batch batch) {
        batches.cancel(batch);
    }

    @Override
    public void moveToFront(Batch batch) {
        batches.moveToFront(batch.id());
    }

    @Override
    public void moveToFront(Run run) {
        batches.moveToFront(run.id());
    }

    @Override
    public ReadOnlyBooleanProperty queuePausedProperty() {
        return batches.queuePausedProperty();
    }

    @Override
    public void setQueuePaused(boolean paused) {
        batches.setQueuePaused(paused);
    }

    @Override
    public void reviewNext(Batch batch) {
        if (reviewing().isEmpty()) {
            nextWaiting().ifPresent(this::openReview);
        }
    }

    @Override
    public void answerAll(Batch batch, boolean accept) {
        batches.reviewAll(batch, accept ? ReviewOutcome.ACCEPTED : ReviewOutcome.REJECTED);
    }

    private void show(Project project, Run run, VideoAsset committed) {
        if (committed == null) {
            return;
        }
        reviewing = run;
        reviewingBatch = null;
        ReviewDialog.Shown opened = dialogs.open(new ReviewRequest(project, run, committed), (choice, candidate) -> answer(run, choice, candidate),
                index -> session.discard(run, index));
        shown = opened;
        // Which batch, and how many of it wait: a read of the file, so off the FX thread; the buttons show when known.
        background.run(() -> project.batches().batchOf(run.id()).flatMap(project.batches()::find).orElse(null), batch -> {
            if (batch != null && shown == opened && reviewing == run) {
                reviewingBatch = batch;
                opened.showBatchWaiting(batch.count(RunStatus.AWAITING_REVIEW));
            }
        }, e -> { });
    }

    private Window owner() {
        return window == null || window.getScene() == null ? null : window.getScene().getWindow();
    }

    private void answer(Run run, ReviewChoice choice, Integer candidate) {
        switch (choice) {
            case ACCEPT -> session.review(run, ReviewOutcome.ACCEPTED, candidate);
            case REJECT -> session.review(run, ReviewOutcome.REJECTED, null);
            case REGENERATE_AGAIN -> session.retry(run);
            case ACCEPT_ALL_REMAINING, REJECT_ALL_REMAINING -> {
                if (reviewingBatch != null) {
                    answerAll(reviewingBatch, choice == ReviewChoice.ACCEPT_ALL_REMAINING);
                }
                answered.add(run.id());
                return; // the rest of the batch is being answered: opening its next review would only close again
            }
        }
        answered.add(run.id());
        if (choice != ReviewChoice.REGENERATE_AGAIN) {
            // Reviews queue up (a whole lecture's, say): an answer moves on to the oldest one still waiting.
            Platform.runLater(() -> nextWaiting().ifPresent(this::openReview));
        }
    }

    /** The oldest run awaiting review and not answered here, as the window knows the runs. */
    private Optional<Run> nextWaiting() {
        return session.runs().stream().filter(r -> r.status() == RunStatus.AWAITING_REVIEW && r.preview() != null && !answered.contains(r.id()))
                .min(Comparator.comparing(Run::createdAt).thenComparing(Run::id));
    }

    private void closeEnded() {
        // an answer applied (or the run gone): its id need not be remembered any more
        answered.removeIf(id -> session.runs().stream().noneMatch(r -> r.id().equals(id) && r.status() == RunStatus.AWAITING_REVIEW));
        if (reviewing().isEmpty()) {
            return;
        }
        boolean stillWaiting = session.runs().stream()
                .anyMatch(r -> r.id().equals(reviewing.id()) && r.status() == RunStatus.AWAITING_REVIEW);
        if (!stillWaiting) {
            shown.close();
        }
    }
}
