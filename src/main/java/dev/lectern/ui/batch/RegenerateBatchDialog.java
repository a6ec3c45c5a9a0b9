package dev.lectern.ui.batch;

import dev.lectern.generation.SegmentSelection;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.FxmlViews;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Segment ▸ Regenerate Whole Lecture… / Regenerate Selected…: asks which segments; the caller starts the batch. */
public final class RegenerateBatchDialog {
    private final FxmlViews views;

    @Inject
    public RegenerateBatchDialog(FxmlViews views) {
        this.views = views;
    }

    /** Modal; the choice on OK, empty on Cancel or Esc. Call on the FX thread. */
    public Optional<SegmentSelection> ask(Window owner, Project project, String lectureId, int allCount, List<String> selected,
                                          List<String> modelsInUse) {
        FxmlViews.Loaded<RegenerateBatchDialogView> loaded = views.load(RegenerateBatchDialogView.class);
        RegenerateBatchDialogView view = loaded.controller();
        view.model().start(project, lectureId, allCount, selected, modelsInUse);
        view.start();
        Dialog<SegmentSelection> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(selected.size() > 1 ? "Regenerate selected segments" : "Regenerate the whole lecture");
        dialog.setResizable(true);
        dialog.setDialogPane(view.pane());
        dialog.setResultConverter(button -> button == ButtonType.OK ? view.model().selection() : null);
        return dialog.showAndWait();
    }
}
