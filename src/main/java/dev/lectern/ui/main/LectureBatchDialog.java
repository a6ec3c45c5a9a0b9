package dev.lectern.ui.main;

import dev.lectern.generation.SegmentFilter;
import dev.lectern.ui.store.BatchQueue;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Segment ▸ Regenerate Whole Lecture… (issue 17): which segments, by filters on their current images, and how many
 * that is before the author says yes. The count comes from the same {@link dev.lectern.generation.SegmentSelection}
 * the batch then uses, read off the FX thread on every change.
 */
final class LectureBatchDialog {
    private final BatchQueue batches;

    @Inject
    LectureBatchDialog(BatchQueue batches) {
        this.batches = batches;
    }

    /** The filter the author confirmed, or empty. */
    Optional<SegmentFilter> ask(Window owner, int segments) {
        Dialog<SegmentFilter> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Regenerate Whole Lecture");
        dialog.setHeaderText("Regenerate the whole lecture");
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, ButtonType.OK);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Regenerate");
        ButtonBar.setButtonUniformSize(ok, false); // its text grows with the count, after the dialog was laid out

        CheckBox older = check("olderCheck", "Only images older than");
        DatePicker date = new DatePicker(LocalDate.now());
        date.setId("olderDate");
        date.setEditable(false); // a typed, half-finished date would be a second way to be wrong
        CheckBox madeBy = check("madeByCheck", "Only images made by");
        ComboBox<String> model = new ComboBox<>();
        model.setId("madeByModel");
        model.setPromptText("reading the models…");
        CheckBox titleCards = check("titleCardsCheck", "Only title cards (images from the offline title-card generator)");
        date.disableProperty().bind(older.selectedProperty().not());
        model.disableProperty().bind(madeBy.selectedProperty().not());
        GridPane filters = new GridPane();
        filters.setHgap(8);
        filters.setVgap(8);
        filters.addRow(0, older, date);
        filters.addRow(1, madeBy, model);
        filters.add(titleCards, 0, 2, 2, 1);
        Label count = new Label();
        count.setId("batchCount");
        count.setWrapText(true);
        count.setMaxWidth(460);
        Label note = new Label("Each segment is drawn with the settings it resolves to. The reviews come one after another; "
                + "the current images stay until you accept.");
        note.setWrapText(true);
        note.setMaxWidth(460);
        dialog.getDialogPane().setContent(new VBox(12, filters, count, note));

        batches.modelsInLecture(models -> {
            model.getItems().setAll(models);
            model.setPromptText(models.isEmpty() ? "no image has a model" : "choose a model");
            if (!models.isEmpty()) {
                model.getSelectionModel().select(0);
            }
        });
        int[] asked = {0};
        Runnable recount = () -> {
            SegmentFilter filter = filter(older, date, madeBy, model, titleCards);
            int mine = ++asked[0];
            ok.setDisable(true);
            count.setText("Counting the segments…");
            batches.choose(filter, chosen -> {
                if (mine == asked[0]) { // a later change asked again; its answer counts
                    count.setText(chosen.size() == segments ? "Regenerates all " + segments + " segments."
                            : "Regenerates " + chosen.size() + " of " + segments + " segments.");
                    ok.setText("Regenerate " + chosen.size());
                    ok.setDisable(false);
                }
            }, error -> {
                if (mine == asked[0]) {
                    count.setText(sentence(error.getMessage()));
                    ok.setText("Regenerate");
                }
            });
        };
        older.selectedProperty().addListener(o -> recount.run());
        date.valueProperty().addListener(o -> recount.run());
        madeBy.selectedProperty().addListener(o -> recount.run());
        model.valueProperty().addListener(o -> recount.run());
        titleCards.selectedProperty().addListener(o -> recount.run());
        recount.run();
        dialog.setResultConverter(b -> b == ButtonType.OK ? filter(older, date, madeBy, model, titleCards) : null);
        return dialog.showAndWait();
    }

    private static SegmentFilter filter(CheckBox older, DatePicker date, CheckBox madeBy, ComboBox<String> model, CheckBox titleCards) {
        return new SegmentFilter(List.of(), older.isSelected() ? date.getValue() : null, madeBy.isSelected() ? model.getValue() : null,
                titleCards.isSelected());
    }

    private static CheckBox check(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        return box;
    }

    /** "no segment of lecture … has …; nothing was started (…)" reads as a sentence in the dialog, without the CLI hint. */
    private static String sentence(String message) {
        String m = message == null ? "The segments could not be counted." : message;
        int hint = m.indexOf("; nothing was started");
        m = hint > 0 ? m.substring(0, hint) : m;
        return Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
    }
}
