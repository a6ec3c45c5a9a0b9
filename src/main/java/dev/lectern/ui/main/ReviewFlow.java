package dev.lectern.ui.main;

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
import dev.lectern.ui.runs.RunActions;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Connects runs to the review dialog: a preview that becomes ready opens its review (one dialog per run), the
 * runs panel's actions go to the session, and a dialog closes itself when its run ends elsewhere.
 */
@Singleton
public final class ReviewFlow implements RunActions {
    private final ProjectSession session;
    private final ReviewDialog dialogs;
    private final Background background;
    private final Dialogs messages;
    private final Map<String, Stage> open = new HashMap<>();
    private Supplier<Window> owner = () -> null;

    @Inject
    public ReviewFlow(ProjectSession session, ReviewDialog dialogs, Background background, Dialogs messages) {
        this.session = session;
        this.dialogs = dialogs;
        this.background = background;
        this.messages = messages;
        session.setOnPreviewReady(this::offerReview);
        session.runs().addListener((ListChangeListener<Run>) c -> {
            closeEnded();
            if (session.runs().stream().anyMatch(r -> !r.status().isTerminal())) {
                dialogs.prepare(); // a preview is on its way
            }
        });
    }

    void setOwner(Supplier<Window> windowSupplier) {
        this.owner = windowSupplier;
    }

    /** The dialogs open now, by run id (tests read it). */
    public Map<String, Stage> openDialogs() {
        return Map.copyOf(open);
    }

    /**
     * A preview just became ready: open its review unless one is already open. Twenty regenerations must not
     * bury the author under twenty windows; the others wait in the runs panel with their Review button.
     */
    void offerReview(Run run) {
        if (open.isEmpty()) {
            openReview(run);
        }
    }

    @Override
    public void openReview(Run run) {
        Project project = session.project();
        if (project == null || run.preview() == null || run.status() != RunStatus.AWAITING_REVIEW) {
            return;
        }
        Stage already = open.get(run.id());
        if (already != null) {
            already.toFront();
            return;
        }
        var shown = session.store().lectureProperty().get();
        if (shown != null && shown.id().equals(run.lectureId())) {
            show(project, run, session.store().committed(run.segmentId()).orElse(null));
        } else {
            background.run(() -> project.lectures().load(run.lectureId()).flatMap(l -> l.video(run.segmentId())).orElse(null),
                    segment -> show(project, run, segment), e -> messages.showError(owner.get(), "The review could not be opened", e));
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

    private void show(Project project, Run run, VideoAsset committed) {
        if (committed == null) {
            return;
        }
        Stage stage = dialogs.open(owner.get(), new ReviewRequest(project, run, committed), choice -> answer(run, choice));
        open.put(run.id(), stage);
        stage.setOnHidden(e -> open.remove(run.id()));
    }

    private void answer(Run run, ReviewChoice choice) {
        switch (choice) {
            case ACCEPT -> session.review(run, ReviewOutcome.ACCEPTED);
            case REJECT -> session.review(run, ReviewOutcome.REJECTED);
            case REGENERATE_AGAIN -> session.retry(run);
        }
    }

    private void closeEnded() {
        for (Run r : session.runs()) {
            Stage stage = open.get(r.id());
            if (stage != null && r.status() != RunStatus.AWAITING_REVIEW) {
                stage.close();
            }
        }
    }
}
