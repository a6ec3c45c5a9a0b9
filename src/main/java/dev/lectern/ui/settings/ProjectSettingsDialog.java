package dev.lectern.ui.settings;

import dev.lectern.lecture.ProjectSettings;
import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The project settings dialog. It only edits: the caller saves what it returns, off the FX thread
 * ({@code project.settings().save(settings)} through {@code Background}).
 */
public final class ProjectSettingsDialog {
    private final FxmlViews views;

    @Inject
    public ProjectSettingsDialog(FxmlViews views) {
        this.views = views;
    }

    /** Modal; the new settings on OK, empty on Cancel or Esc. Call on the FX thread. */
    public Optional<ProjectSettings> edit(Window owner, ProjectSettings current) {
        return create(owner, current).showAndWait();
    }

    /** The same dialog, not yet shown, for callers that prefer {@code show()} with a result handler. */
    public Dialog<ProjectSettings> create(Window owner, ProjectSettings current) {
        FxmlViews.Loaded<ProjectSettingsDialogView> loaded = views.load(ProjectSettingsDialogView.class);
        ProjectSettingsDialogView view = loaded.controller();
        view.start(current);
        Dialog<ProjectSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Project settings");
        dialog.setResizable(true);
        dialog.setDialogPane(view.pane());
        dialog.setResultConverter(button -> button == ButtonType.OK ? view.result() : null);
        dialog.setOnShown(e -> Platform.runLater(() -> view.firstField().requestFocus()));
        return dialog;
    }
}
