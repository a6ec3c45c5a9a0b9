package dev.lectern.ui.settings;

import dev.lectern.lecture.ProjectSettings;
import jakarta.inject.Inject;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;

/** Binds ProjectSettingsDialog.fxml to {@link ProjectSettingsViewModel}; no logic of its own. */
public final class ProjectSettingsDialogView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final ProjectSettingsViewModel model;

    @FXML
    private DialogPane pane;
    @FXML
    private ComboBox<String> imageModel;
    @FXML
    private Label imageModelError;
    @FXML
    private ComboBox<String> videoImageModel;
    @FXML
    private Label videoImageModelError;
    @FXML
    private TextField width;
    @FXML
    private Label widthError;
    @FXML
    private TextField height;
    @FXML
    private Label heightError;
    @FXML
    private TextField aspectRatio;
    @FXML
    private Label aspectRatioError;
    @FXML
    private TextArea style;
    @FXML
    private Label styleError;
    @FXML
    private TextField candidates;
    @FXML
    private Label candidatesError;
    @FXML
    private TextField archiveAfterDays;
    @FXML
    private Label archiveAfterDaysError;
    @FXML
    private Label effect;

    @Inject
    public ProjectSettingsDialogView(ProjectSettingsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bindModel(imageModel, model.imageModel(), imageModelError);
        bindModel(videoImageModel, model.videoImageModel(), videoImageModelError);
        bindText(width, model.width(), widthError);
        bindText(height, model.height(), heightError);
        bindText(aspectRatio, model.aspectRatio(), aspectRatioError);
        bindText(style, model.style(), styleError);
        bindText(candidates, model.candidates(), candidatesError);
        bindText(archiveAfterDays, model.archiveAfterDays(), archiveAfterDaysError);
        effect.textProperty().bind(model.effectProperty());
        model.effectIsProblemProperty().addListener((o, was, now) -> effect.pseudoClassStateChanged(PROBLEM, now));
        pane.lookupButton(ButtonType.OK).disableProperty().bind(model.validBinding().not());
    }

    void start(ProjectSettings current) {
        model.start(current);
    }

    ProjectSettings result() {
        return model.result();
    }

    DialogPane pane() {
        return pane;
    }

    Node firstField() {
        return imageModel;
    }

    private void bindModel(ComboBox<String> combo, SettingField field, Label error) {
        combo.setItems(model.modelChoices());
        // The editor's text is the value while typing; the combo's own value only changes on commit.
        combo.getEditor().textProperty().bindBidirectional(field.textProperty());
        combo.valueProperty().addListener((o, was, chosen) -> {
            if (chosen != null) {
                field.textProperty().set(chosen);
            }
        });
        bindError(combo, field, error);
    }

    private void bindText(TextInputControl input, SettingField field, Label error) {
        input.textProperty().bindBidirectional(field.textProperty());
        bindError(input, field, error);
    }

    private static void bindError(Node input, SettingField field, Label error) {
        error.textProperty().bind(field.errorProperty());
        error.visibleProperty().bind(field.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        field.errorProperty().addListener((o, was, now) -> input.pseudoClassStateChanged(INVALID, now != null));
        // A screen reader announces the problem with the field, not only the red text under it.
        input.accessibleHelpProperty().bind(Bindings.createStringBinding(
                () -> field.errorProperty().get() == null ? "" : field.errorProperty().get(), field.errorProperty()));
    }
}
