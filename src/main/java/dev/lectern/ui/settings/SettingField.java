package dev.lectern.ui.settings;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One project setting as the author types it, checked on every change by the domain's own rule
 * ({@link ProjectSettings#with}) so the dialog can never accept what the project file would refuse.
 */
public final class SettingField {
    private final String key;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    SettingField(String key) {
        this.key = key;
        text.addListener((o, was, now) -> validate());
    }

    public String key() {
        return key;
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The domain's message when the text is not acceptable, else null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public BooleanBinding validBinding() {
        return Bindings.createBooleanBinding(() -> error.get() == null, error);
    }

    /** The settings with this field applied; throws when the text is not acceptable. */
    ProjectSettings applyTo(ProjectSettings settings) {
        return settings.with(key, text.get());
    }

    private void validate() {
        try {
            ProjectSettings.EMPTY.with(key, text.get());
            error.set(null);
        } catch (InvalidInputException e) {
            error.set(e.getMessage());
        }
    }
}
