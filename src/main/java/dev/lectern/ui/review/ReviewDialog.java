package dev.lectern.ui.review;

import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the side-by-side review of a run's preview (the seed's ImagePreviewModal). It only reports the
 * author's choice; answering the run is the caller's job, so the main pane can follow seed §7.1.
 *
 * <p>A review opens by itself the moment a preview is ready, usually while thumbnails load and other runs
 * report progress, so the window must cost the FX thread little (decision 0010). The first dialog's FXML is
 * loaded ahead, off the FX thread ({@link #prepare}): nodes may be built on any thread until they join a shown
 * window. A closed dialog is kept, emptied, and shown again for the next review: it is already styled.
 */
@Singleton
public final class ReviewDialog {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewDialog.class);

    private final FxmlViews views;
    private final Background background;
    private FxmlViews.Loaded<ReviewDialogView> prepared;
    private boolean preparing;
    /** A closed dialog, ready to show again. */
    private Dialog idle;

    private record Dialog(Stage stage, ReviewDialogView view) {
    }

    @Inject
    public ReviewDialog(FxmlViews views, Background background) {
        this.views = views;
        this.background = background;
    }

    /** Loads a dialog's view in the background, unless one is ready or on its way. FX thread. */
    public void prepare() {
        if (idle != null || prepared != null || preparing) {
            return;
        }
        preparing = true;
        background.run(() -> views.load(ReviewDialogView.class), loaded -> {
            preparing = false;
            prepared = loaded;
        }, error -> {
            preparing = false;
            LOG.warn("Could not prepare the review dialog ahead; it will be built when needed", error);
        });
    }

    /**
     * Shows the dialog, modal to {@code owner} when given, and returns at once. {@code onChoice} runs on the FX
     * thread after the dialog closed, at most once; closing the window without choosing calls nothing and the
     * run keeps waiting for review. The returned stage lets the caller close it (say, when the run expires).
     */
    public Stage open(Window owner, ReviewRequest request, Consumer<ReviewChoice> onChoice) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onChoice, "onChoice");
        Dialog dialog;
        if (idle != null && idle.stage().getOwner() == owner) {
            dialog = idle;
        } else {
            dialog = create(owner);
        }
        idle = null;
        dialog.view().start(request, choice -> {
            dialog.stage().close();
            onChoice.accept(choice);
        });
        dialog.stage().show();
        dialog.stage().toFront();
        dialog.view().focusPreview();
        return dialog.stage();
    }

    private Dialog create(Window owner) {
        FxmlViews.Loaded<ReviewDialogView> loaded = prepared != null ? prepared : views.load(ReviewDialogView.class);
        prepared = null;
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Review starting image — Lectern");
        stage.setScene(new Scene(loaded.root(), 1100, 760));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        Dialog dialog = new Dialog(stage, loaded.controller());
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> {
            dialog.view().clear();
            idle = dialog;
        });
        return dialog;
    }
}
