package dev.lectern.ui.batch;

import jakarta.inject.Inject;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.layout.Region;

/** Binds RegenerateBatchDialog.fxml to {@link RegenerateBatchViewModel}; no logic of its own. */
public final class RegenerateBatchDialogView {
    private final RegenerateBatchViewModel model;

    @FXML private DialogPane pane;
    @FXML private RadioButton allSegments;
    @FXML private RadioButton selectedSegments;
    @FXML private CheckBox olderThanOn;
    @FXML private DatePicker olderThan;
    @FXML private CheckBox madeByOn;
    @FXML private ComboBox<String> madeBy;
    @FXML private CheckBox titleCardsOnly;
    @FXML private Label summary;

    @Inject
    public RegenerateBatchDialogView(RegenerateBatchViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        olderThanOn.selectedProperty().bindBidirectional(model.olderThanOnProperty());
        olderThan.valueProperty().bindBidirectional(model.olderThanProperty());
        olderThan.disableProperty().bind(olderThanOn.selectedProperty().not());
        madeByOn.selectedProperty().bindBidirectional(model.madeByOnProperty());
        madeBy.setItems(model.models());
        madeBy.valueProperty().bindBidirectional(model.madeByProperty());
        madeBy.disableProperty().bind(madeByOn.selectedProperty().not());
        titleCardsOnly.selectedProperty().bindBidirectional(model.titleCardsOnlyProperty());
        summary.textProperty().bind(model.summaryProperty());
        Button ok = (Button) pane.lookupButton(ButtonType.OK);
        ok.disableProperty().bind(model.startableBinding().not());
        ok.setMinWidth(Region.USE_PREF_SIZE); // "Regenerate 120" in full, never "Regener…"
        ButtonBar.setButtonUniformSize(ok, false); // the bar would size it as Cancel
        ok.textProperty().bind(Bindings.createStringBinding(() -> model.countProperty().get() < 0 ? "Regenerate"
                : "Regenerate " + model.countProperty().get(), model.countProperty()));
    }

    /** After the model started: the scope's two texts, and the selected scope only when the list has a selection. */
    void start() {
        allSegments.setText(model.allText());
        selectedSegments.setText(model.selectedText());
        selectedSegments.setVisible(model.hasSelection());
        selectedSegments.setManaged(model.hasSelection());
        (model.onlySelectedProperty().get() ? selectedSegments : allSegments).setSelected(true);
        selectedSegments.selectedProperty().addListener((o, was, now) -> model.onlySelectedProperty().set(now));
    }

    RegenerateBatchViewModel model() {
        return model;
    }

    DialogPane pane() {
        return pane;
    }
}
