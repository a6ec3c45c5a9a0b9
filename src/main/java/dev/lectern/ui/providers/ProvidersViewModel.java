package dev.lectern.ui.providers;

import dev.lectern.app.ProviderAdmin;
import dev.lectern.app.ProviderDraft;
import dev.lectern.app.ProviderWording;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProviderException;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The configured image servers and what can be done with them. Every read, write and test goes through
 * {@link ProviderAdmin} on a background thread; results come back on the FX thread.
 */
public final class ProvidersViewModel {
    static final int MAX_MODELS_SHOWN = 5;

    private final ProviderAdmin admin;
    private final Background background;
    private final ObservableList<ProviderRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ProviderRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ProviderForm form = new ProviderForm();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError");
    private final ReadOnlyStringWrapper listError = new ReadOnlyStringWrapper(this, "listError");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanProperty confirmingRemove = new SimpleBooleanProperty(this, "confirmingRemove");
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed");
    /** Why the OS keychain cannot be chosen here, null while it can (or before the first look). */
    private final ReadOnlyStringWrapper keychainUnavailable = new ReadOnlyStringWrapper(this, "keychainUnavailable");

    @Inject
    public ProvidersViewModel(ProviderAdmin admin, Background background) {
        this.admin = admin;
        this.background = background;
        selected.addListener((o, was, now) -> confirmingRemove.set(false));
    }

    /** Asks the OS whether it has a keychain (a D-Bus round trip on Linux, so off the FX thread). */
    public void lookForKeychain() {
        background.run(() -> admin.keychainUnavailable().orElse(null), keychainUnavailable::set,
                error -> keychainUnavailable.set(error.getMessage()));
    }

    public ReadOnlyStringProperty keychainUnavailableProperty() {
        return keychainUnavailable.getReadOnlyProperty();
    }

    /** Reads the providers list; {@code thenSelect} (an id, or null) is selected when it is there. */
    public void reload(String thenSelect) {
        background.run(() -> admin.list().stream().map(c -> new ProviderRow(c, admin.keySource(c))).toList(), loaded -> {
            rows.setAll(loaded);
            listError.set(null);
            selected.set(loaded.stream().filter(r -> r.id().equals(thenSelect)).findFirst().orElse(loaded.isEmpty() ? null : loaded.get(0)));
        }, error -> listError.set("The providers list could not be read: " + error.getMessage()));
    }

    /** Validates like {@code lectern providers add} and writes providers.json; the message shows under the form. */
    public void add() {
        ProviderDraft draft;
        String key;
        try {
            draft = form.draft(); // read on the FX thread, where the form's properties live
            key = form.keychainKey();
        } catch (InvalidInputException e) {
            formError.set(e.getMessage());
            return;
        }
        busy.set(true);
        formError.set(null);
        background.run(() -> admin.add(draft, key, false, ProviderWording.FORM), added -> {
            busy.set(false);
            changed.set(true);
            form.clear();
            reload(added.id());
        }, error -> {
            busy.set(false);
            formError.set(error.getMessage());
        });
    }

    /** One attempt to list the selected server's models; the outcome shows on its row. */
    public void testSelected() {
        ProviderRow row = selected.get();
        if (row == null) {
            return;
        }
        ProviderConfig config = row.config();
        row.setTestResult("Testing " + config.baseUrl() + " …");
        background.run(() -> admin.listModels(config), models -> row.setTestResult(reachable(models)),
                error -> row.setTestResult(error instanceof ProviderException ? error.getMessage()
                        : "The test failed: " + error.getMessage()));
    }

    static String reachable(List<String> models) {
        if (models.isEmpty()) {
            return "reachable — no models";
        }
        String shown = String.join(", ", models.subList(0, Math.min(models.size(), MAX_MODELS_SHOWN)))
                + (models.size() > MAX_MODELS_SHOWN ? ", …" : "");
        return "reachable — " + models.size() + (models.size() == 1 ? " model: " : " models: ") + shown;
    }

    /** The first step of Remove: the view asks for confirmation while this is true. */
    public void askToRemoveSelected() {
        confirmingRemove.set(selected.get() != null);
    }

    public void cancelRemove() {
        confirmingRemove.set(false);
    }

    public void removeSelected() {
        ProviderRow row = selected.get();
        confirmingRemove.set(false);
        if (row == null) {
            return;
        }
        background.run(() -> {
            admin.remove(row.id());
            return row.id();
        }, removed -> {
            changed.set(true);
            reload(null);
        }, error -> listError.set("Could not remove " + row.id() + ": " + error.getMessage()));
    }

    public ObservableList<ProviderRow> rows() {
        return rows;
    }

    public ObjectProperty<ProviderRow> selectedProperty() {
        return selected;
    }

    public ProviderForm form() {
        return form;
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listErrorProperty() {
        return listError.getReadOnlyProperty();
    }

    /** True while an add is being checked and written. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanProperty confirmingRemoveProperty() {
        return confirmingRemove;
    }

    /** True once a provider was added or removed: the caller may refresh model choices. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }
}
