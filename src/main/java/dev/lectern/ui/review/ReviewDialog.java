package dev.lectern.ui.review;

import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.layout.StackPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The side-by-side review of a run's preview (the seed's ImagePreviewModal): a modal sheet over the window, not a
 * window of its own (decision 0012). It only reports the author's choice; answering the run is the caller's job,
 * so the main pane can follow seed §7.1.
 *
 * <p>A review opens by itself the moment a preview is ready, usually while thumbnails load and other runs report
 * progress, so showing it must cost the FX thread next to nothing. The sheet is built once, ahead ({@link
 * #prepare}: its FXML loads off the FX thread, then it joins the window hidden and is styled while the author is
 * idle); each review only fills it and makes it visible.
 */
@Singleton
public final class ReviewDialog {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewDialog.class);

    private final FxmlViews views;
    private final Background background;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private StackPane host;
    private boolean preparing;
    private ReviewSheet sheet;
    private Shown current;

    /** An open review; its owner closes it when the run ends elsewhere. */
    public final class Shown {
        private Shown() {
        }

        /** Closes this review without an answer, as "Later" does (the run keeps waiting); nothing if it already closed. */
        public void close() {
            if (current == this) {
                hide();
            }
        }

        /** The run's batch has {@code waiting} images waiting for review, this one included: offers Accept / Reject All. */
        public void showBatchWaiting(int waiting) {
            if (current == this && sheet != null) {
                sheet.view().model().setBatchWaiting(waiting);
            }
        }

        public boolean isShowing() {
            return current == this;
        }
    }

    @Inject
    public ReviewDialog(FxmlViews views, Background background) {
        this.views = views;
        this.background = background;
    }

    /** Where reviews are shown: the window's top layer, over everything else in it. FX thread, once. */
    public void attach(StackPane windowLayers) {
        this.host = Objects.requireNonNull(windowLayers, "windowLayers");
    }

    /**
     * Builds the sheet in the background and adds it to the window, hidden, so that JavaFX styles it at the next
     * frame rather than when the first preview arrives. Does nothing once it is built or on its way. FX thread.
     */
    public void prepare() {
        if (sheet != null || preparing || host == null) {
            return;
        }
        preparing = true;
        background.run(() -> views.load(ReviewDialogView.class), loaded -> {
            preparing = false;
            if (sheet == null) {
                build(loaded);
            }
        }, error -> {
            preparing = false;
            LOG.warn("Could not prepare the review ahead; it will be built when needed", error);
        });
    }

    /**
     * Shows {@code request} and returns at once; a review already showing is closed first, unanswered.
     * {@code onChoice} runs on the FX thread after the sheet closed, at most once; a review closed by "Later" or
     * {@link Shown#close()} calls nothing.
     */
    public Shown open(ReviewRequest request, Consumer<ReviewChoice> onChoice) {
        return open(request, (choice, candidate) -> onChoice.accept(choice), index -> { });
    }

    /**
     * As above, with the candidate an Accept took (null for a run stored before candidates), and {@code onDiscard}
     * told each candidate the author discards while the review stays open.
     */
    public Shown open(ReviewRequest request, BiConsumer<ReviewChoice, Integer> onChoice, IntConsumer onDiscard) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onChoice, "onChoice");
        if (host == null) {
            throw new IllegalStateException("the review has no window to show in (attach first)");
        }
        if (current != null) {
            hide();
        }
        if (sheet == null) {
            build(views.load(ReviewDialogView.class));
        }
        Shown shown = new Shown();
        current = shown;
        sheet.view().start(request, choice -> {
            if (current == shown) {
                Integer candidate = sheet.view().model().selectedCandidate();
                hide();
                onChoice.accept(choice, candidate);
            }
        }, index -> {
            if (current == shown) {
                onDiscard.accept(index);
            }
        });
        sheet.show();
        showing.set(true);
        return shown;
    }

    /** Whether a review is showing: the window behind takes no input meanwhile. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    private void build(FxmlViews.Loaded<ReviewDialogView> loaded) {
        sheet = new ReviewSheet(host, loaded);
        sheet.view().setOnLater(() -> {
            if (current != null) {
                hide(); // no answer: the run keeps waiting in the runs panel
            }
        });
    }

    private void hide() {
        current = null;
        sheet.hide();
        sheet.view().clear();
        showing.set(false);
    }
}
