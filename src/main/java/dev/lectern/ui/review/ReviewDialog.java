package dev.lectern.ui.review;

import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the side-by-side review of a run's preview (the seed's ImagePreviewModal). It only reports the
 * author's choice; answering the run is the caller's job, so the main pane can follow seed §7.1.
 */
public final class ReviewDialog {
    private final FxmlViews views;

    @Inject
    public ReviewDialog(FxmlViews views) {
        this.views = views;
    }

    /**
     * Shows the dialog, modal to {@code owner} when given, and returns at once. {@code onChoice} runs on the FX
     * thread after the dialog closed, at most once; closing the window without choosing calls nothing and the
     * run keeps waiting for review. The returned stage lets the caller close it (say, when the run expires).
     */
    public Stage open(Window owner, ReviewRequest request, Consumer<ReviewChoice> onChoice) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(onChoice, "onChoice");
        FxmlViews.Loaded<ReviewDialogView> loaded = views.load(ReviewDialogView.class);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle("Review starting image — Lectern");
        stage.setScene(new Scene(loaded.root(), 1100, 760));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        loaded.controller().start(request, choice -> {
            stage.close();
            onChoice.accept(choice);
        });
        stage.show();
        loaded.controller().focusPreview();
        return stage;
    }
}
