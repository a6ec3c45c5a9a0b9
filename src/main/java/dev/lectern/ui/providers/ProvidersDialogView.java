package dev.lectern.ui.providers;

import dev.lectern.ui.common.Tips;
import jakarta.inject.Inject;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Binds ProvidersDialog.fxml to {@link ProvidersViewModel}; no logic of its own. */
public final class ProvidersDialogView {
    private final ProvidersViewModel model;

    @FXML
    private DialogPane pane;
    @FXML
    private TableView<ProviderRow> providerTable;
    @FXML
    private TableColumn<ProviderRow, String> idColumn;
    @FXML
    private TableColumn<ProviderRow, String> typeColumn;
    @FXML
    private TableColumn<ProviderRow, String> urlColumn;
    @FXML
    private TableColumn<ProviderRow, String> keyColumn;
    @FXML
    private Button testButton;
    @FXML
    private Button removeButton;
    @FXML
    private Label testResult;
    @FXML
    private Label listError;
    @FXML
    private HBox removeConfirmation;
    @FXML
    private Label removeQuestion;
    @FXML
    private Button keepButton;
    @FXML
    private TextField id;
    @FXML
    private ComboBox<String> type;
    @FXML
    private TextField url;
    @FXML
    private TextField apiKeyEnv;
    @FXML
    private PasswordField apiKey;
    @FXML
    private RadioButton keyFromEnv;
    @FXML
    private RadioButton keyFromKeychain;
    @FXML
    private Label keyLabel;
    @FXML
    private Label keychainNote;
    @FXML
    private TextField basicAuthEnv;
    @FXML
    private TextField models;
    @FXML
    private TextField timeout;
    @FXML
    private TextField concurrency;
    @FXML
    private Label formError;
    @FXML
    private Button addButton;

    @Inject
    public ProvidersDialogView(ProvidersViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        providerTable.setItems(model.rows());
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        urlColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().url()));
        keyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keySource()));
        providerTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((o, was, now) -> {
            if (providerTable.getSelectionModel().getSelectedItem() != now) {
                providerTable.getSelectionModel().select(now);
            }
        });
        testButton.disableProperty().bind(model.selectedProperty().isNull());
        removeButton.disableProperty().bind(model.selectedProperty().isNull());
        model.selectedProperty().addListener((o, was, row) -> showTestResultOf(row));
        showWhenSet(listError, model.listErrorProperty());

        removeConfirmation.visibleProperty().bind(model.confirmingRemoveProperty());
        removeConfirmation.managedProperty().bind(removeConfirmation.visibleProperty());
        // The safe answer has the focus, so a stray Enter or Space keeps the provider.
        model.confirmingRemoveProperty().addListener((o, was, asking) -> {
            if (asking) {
                keepButton.requestFocus();
            }
        });
        removeQuestion.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null ? ""
                : "Remove " + model.selectedProperty().get().id() + "? Projects that name its models keep their settings.",
                model.selectedProperty()));

        id.textProperty().bindBidirectional(model.form().idProperty());
        type.getItems().setAll(ProviderForm.TYPES);
        type.valueProperty().bindBidirectional(model.form().typeProperty());
        url.textProperty().bindBidirectional(model.form().urlProperty());
        apiKeyEnv.textProperty().bindBidirectional(model.form().apiKeyEnvProperty());
        apiKey.textProperty().bindBidirectional(model.form().apiKeyProperty());
        basicAuthEnv.textProperty().bindBidirectional(model.form().basicAuthEnvProperty());
        bindKeyChoice();
        models.textProperty().bindBidirectional(model.form().modelsProperty());
        timeout.textProperty().bindBidirectional(model.form().timeoutProperty());
        concurrency.textProperty().bindBidirectional(model.form().concurrencyProperty());
        showWhenSet(formError, model.formErrorProperty());
        addButton.disableProperty().bind(model.busyProperty());
    }

    void start() {
        model.reload(null);
        model.lookForKeychain();
    }

    /** Variable or keychain: one field shows at a time; the keychain choice is off, saying why, where there is none. */
    private void bindKeyChoice() {
        keyFromKeychain.selectedProperty().bindBidirectional(model.form().keyInKeychainProperty());
        model.form().keyInKeychainProperty().addListener((o, was, now) -> keyFromEnv.setSelected(!now));
        apiKeyEnv.visibleProperty().bind(keyFromKeychain.selectedProperty().not());
        apiKey.visibleProperty().bind(keyFromKeychain.selectedProperty());
        keyLabel.textProperty().bind(Bindings.when(keyFromKeychain.selectedProperty()).then("_API key").otherwise("_Key variable"));
        keyFromKeychain.selectedProperty().addListener((o, was, now) -> keyLabel.setLabelFor(now ? apiKey : apiKeyEnv));
        keyFromKeychain.disableProperty().bind(model.keychainUnavailableProperty().isNotNull());
        Tips.setText(keyFromKeychain, "Keep the key in the OS keychain; Lectern stores only that it is there.");
        // a disabled button shows no tooltip: the reason goes under the hint
        keychainNote.textProperty().bind(Bindings.createStringBinding(() -> model.keychainUnavailableProperty().get() == null ? ""
                : "No OS keychain can be used here: " + model.keychainUnavailableProperty().get() + ".", model.keychainUnavailableProperty()));
        keychainNote.visibleProperty().bind(model.keychainUnavailableProperty().isNotNull());
        keychainNote.managedProperty().bind(keychainNote.visibleProperty());
        model.keychainUnavailableProperty().addListener((o, was, why) -> {
            if (why != null) {
                keyFromEnv.setSelected(true);
            }
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene(); // the note is a line or two more
            }
        });
    }

    DialogPane pane() {
        return pane;
    }

    boolean changed() {
        return model.changedProperty().get();
    }

    @FXML
    private void add() {
        model.add();
    }

    @FXML
    private void test() {
        model.testSelected();
    }

    @FXML
    private void askToRemove() {
        model.askToRemoveSelected();
    }

    @FXML
    private void confirmRemove() {
        model.removeSelected();
    }

    @FXML
    private void cancelRemove() {
        model.cancelRemove();
    }

    private void showTestResultOf(ProviderRow row) {
        testResult.textProperty().unbind();
        if (row == null) {
            testResult.setText("");
        } else {
            testResult.textProperty().bind(row.testResultProperty());
        }
    }

    private static void showWhenSet(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }
}
