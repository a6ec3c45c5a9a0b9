package dev.lectern.ui.main;

import dev.lectern.ui.batch.RegenerateBatchDialog;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.Dialogs;
import dev.lectern.ui.providers.ProvidersDialog;
import dev.lectern.ui.segment.SegmentEditorViewModel;
import dev.lectern.ui.settings.ProjectSettingsDialog;
import dev.lectern.ui.store.BatchQueue;
import jakarta.inject.Inject;
import java.util.List;
import javafx.stage.Window;

/** The menu commands that open a dialog first: Project ▸ Settings, Project ▸ Image Servers, Segment ▸ Regenerate Whole Lecture / Selected. */
final class MenuCommands {
    private final MainViewModel model;
    private final SegmentEditorViewModel editor;
    private final ProjectSettingsDialog settingsDialog;
    private final ProvidersDialog providersDialog;
    private final BatchQueue batchQueue;
    private final Background background;
    private final Dialogs dialogs;
    private final RegenerateBatchDialog batchDialog;

    @Inject
    MenuCommands(MainViewModel model, SegmentEditorViewModel editor, ProjectSettingsDialog settingsDialog, ProvidersDialog providersDialog,
                 BatchQueue batchQueue, Background background, Dialogs dialogs, RegenerateBatchDialog batchDialog) {
        this.model = model;
        this.editor = editor;
        this.settingsDialog = settingsDialog;
        this.providersDialog = providersDialog;
        this.batchQueue = batchQueue;
        this.background = background;
        this.dialogs = dialogs;
        this.batchDialog = batchDialog;
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

    /**
     * Asks which segments first — all, the {@code selected} ones (when several), narrowed by their current image — and
     * says how many: a whole lecture may be many paid calls.
     */
    void regenerateSome(Window owner, List<String> selected) {
        var session = model.session();
        var lecture = session.store().lectureProperty().get();
        if (session.project() == null || lecture == null) {
            return;
        }
        List<String> models = session.store().segments().stream().map(i -> i.video().startingImageModel())
                .filter(m -> m != null && !m.isBlank()).distinct().sorted().toList();
        batchDialog.ask(owner, session.project(), lecture.id(), session.store().segments().size(), selected, models)
                .ifPresent(batchQueue::regenerate);
    }
}
