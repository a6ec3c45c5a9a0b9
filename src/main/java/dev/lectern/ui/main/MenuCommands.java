package dev.lectern.ui.main;

import dev.lectern.generation.SegmentFilter;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.Dialogs;
import dev.lectern.ui.providers.ProvidersDialog;
import dev.lectern.ui.segment.SegmentEditorViewModel;
import dev.lectern.ui.settings.ProjectSettingsDialog;
import dev.lectern.ui.store.BatchQueue;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.stage.Window;

/** The menu commands that open a dialog first: Project ▸ Settings, Project ▸ Image Servers, Segment ▸ Regenerate Whole Lecture and Selected. */
final class MenuCommands {
    private final MainViewModel model;
    private final SegmentEditorViewModel editor;
    private final ProjectSettingsDialog settingsDialog;
    private final ProvidersDialog providersDialog;
    private final BatchQueue batchQueue;
    private final Background background;
    private final Dialogs dialogs;
    private final LectureBatchDialog lectureDialog;

    @Inject
    MenuCommands(MainViewModel model, SegmentEditorViewModel editor, ProjectSettingsDialog settingsDialog, ProvidersDialog providersDialog,
                 BatchQueue batchQueue, Background background, Dialogs dialogs, LectureBatchDialog lectureDialog) {
        this.lectureDialog = lectureDialog;
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

    /** Asks first, with filters and how many segments they pick: a whole lecture may be many paid calls. */
    void regenerateLecture(Window owner) {
        int n = model.session().store().segments().size();
        lectureDialog.ask(owner, n).ifPresent(batchQueue::regenerate);
    }

    /**
     * Lets the segment list select several segments (Shift/Ctrl-click) for Segment ▸ Regenerate Selected…, which is
     * also in the list's context menu, with Regenerate Whole Lecture…. The menu item goes after {@code lectureItem}.
     */
    void offerSelection(ListView<SegmentItem> segments, MenuItem lectureItem, Supplier<Window> owner) {
        segments.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        ObservableList<SegmentItem> selected = segments.getSelectionModel().getSelectedItems();
        MenuItem inMenu = selectedItem(selected, () -> regenerateSelected(owner.get(), selected));
        inMenu.setId("regenerateSelectedItem");
        lectureItem.getParentMenu().getItems().add(lectureItem.getParentMenu().getItems().indexOf(lectureItem) + 1, inMenu);
        MenuItem lecture = new MenuItem("Regenerate Whole Lecture…");
        lecture.setOnAction(e -> regenerateLecture(owner.get()));
        lecture.disableProperty().bind(Bindings.isEmpty(segments.getItems()));
        segments.setContextMenu(new ContextMenu(selectedItem(selected, () -> regenerateSelected(owner.get(), selected)), lecture));
    }

    private static MenuItem selectedItem(ObservableList<SegmentItem> selected, Runnable action) {
        MenuItem item = new MenuItem();
        item.textProperty().bind(Bindings.createStringBinding(() -> selected.size() > 1
                ? "Regenerate " + selected.size() + " Selected Segments…" : "Regenerate Selected…", selected));
        item.disableProperty().bind(Bindings.isEmpty(selected));
        item.setOnAction(e -> action.run());
        return item;
    }

    /** Asks first, naming how many: a batch of the selected segments, in lecture order. */
    private void regenerateSelected(Window owner, List<SegmentItem> selected) {
        List<String> ids = selected.stream().filter(Objects::nonNull).map(i -> i.video().id()).toList();
        if (ids.isEmpty()) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Draw new starting images for the " + (ids.size() == 1 ? "selected segment"
                : ids.size() + " selected segments") + ", each with the settings it resolves to? The reviews come one after another; "
                + "the current images stay until you accept.", ButtonType.CANCEL, ButtonType.OK);
        ask.setHeaderText("Regenerate " + ids.size() + " segment" + (ids.size() == 1 ? "" : "s"));
        ask.initOwner(owner);
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> batchQueue.regenerate(SegmentFilter.only(ids)));
    }
}
