package dev.lectern.ui.main;

import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.Dialogs;
import dev.lectern.ui.providers.ProvidersDialog;
import dev.lectern.ui.segment.SegmentEditorViewModel;
import dev.lectern.ui.settings.ProjectSettingsDialog;
import dev.lectern.ui.store.BatchQueue;
import jakarta.inject.Inject;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The menu commands that open a dialog first: Project ▸ Settings, Project ▸ Image Servers, Segment ▸ Regenerate Whole Lecture. */
final class MenuCommands {
    private final MainViewModel model;
    private final SegmentEditorViewModel editor;
    private final ProjectSettingsDialog settingsDialog;
    private final ProvidersDialog providersDialog;
    private final BatchQueue batchQueue;
    private final Background background;
    private final Dialogs dialogs;

    @Inject
    MenuCommands(MainViewModel model, SegmentEditorViewModel editor, ProjectSettingsDialog settingsDialog, ProvidersDialog providersDialog,
                 BatchQueue batchQueue, Background background, Dialogs dialogs) {
        this.model = model;
        this.editor = editor;
        this.settingsDialog = settingsDialog;
        this.providersDialog = providersDialog;
        this.batchQueue = batchQueue;
        this.background = background;
        this.dialogs = dialogs;
    }

    /** Reads the settings off the FX thread, edits them in the dialog, saves them off it; the editor follows. */
    void editSettings(Window owner) {
        var project = model.session().project();
        if (project == null) {
            return;
        }
        background.run(() -> project.settings().load(), current -> settingsDialog.edit(owner, current).ifPresent(edited ->
                background.run(() -> {
                    project.settings().save(edited);
                    return edited;
                }, editor::settingsChanged, e -> dialogs.showError(owner, "The settings could not be saved", e))),
                e -> dialogs.showError(owner, "The settings could not be read", e));
    }

    void editProviders(Window owner) {
        if (providersDialog.show(owner)) {
            editor.refreshChoices();
        }
    }

    /** Asks first: a whole lecture may be many paid calls. */
    void regenerateLecture(Window owner) {
        int n = model.session().store().segments().size();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Draw new starting images for all " + n + " segments, each with the "
                + "settings it resolves to? The reviews come one after another; the current images stay until you accept.",
                ButtonType.CANCEL, ButtonType.OK);
        ask.setHeaderText("Regenerate the whole lecture");
        ask.initOwner(owner);
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> batchQueue.regenerateLecture());
    }
}
