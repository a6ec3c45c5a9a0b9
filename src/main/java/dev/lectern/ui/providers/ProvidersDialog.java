package dev.lectern.ui.providers;

import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The image servers dialog: list, add, test and remove providers (per user, never in a project). */
public final class ProvidersDialog {
    private final FxmlViews views;

    @Inject
    public ProvidersDialog(FxmlViews views) {
        this.views = views;
    }

    /**
     * Modal. Returns true when a provider was added or removed, so the caller can refresh what lists models.
     * Call on the FX thread; the dialog does its own disk and network work in the background.
     */
    public boolean show(Window owner) {
        return create(owner).showAndWait().orElse(false);
    }

    /** The same dialog, not yet shown. Its result is the "changed" flag. */
    public Dialog<Boolean> create(Window owner) {
        FxmlViews.Loaded<ProvidersDialogView> loaded = views.load(ProvidersDialogView.class);
        ProvidersDialogView view = loaded.controller();
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Image servers");
        dialog.setResizable(true);
        dialog.setDialogPane(view.pane());
        dialog.setResultConverter(button -> view.changed());
        view.start();
        return dialog;
    }
}
