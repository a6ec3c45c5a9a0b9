package dev.lectern.ui.providers;

import dev.lectern.app.KeySource;
import dev.lectern.app.ProviderAdmin;
import dev.lectern.provider.ProviderConfig;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One configured provider as the list shows it; the key column names the variable, never the key. */
public final class ProviderRow {
    private final ProviderConfig config;
    private final String keySource;
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");

    ProviderRow(ProviderConfig config, Optional<KeySource> key) {
        this.config = config;
        this.keySource = key.map(KeySource::describeForDialog).orElse("no key");
    }

    public ProviderConfig config() {
        return config;
    }

    public String id() {
        return config.id();
    }

    public String type() {
        return ProviderAdmin.typeName(config.type());
    }

    public String url() {
        return config.baseUrl();
    }

    /** "OPENAI_API_KEY (not set)", or "no key". */
    public String keySource() {
        return keySource;
    }

    /** The outcome of the last Test of this provider, empty before one. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    void setTestResult(String text) {
        testResult.set(text);
    }
}
