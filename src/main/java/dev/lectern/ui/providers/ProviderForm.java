package dev.lectern.ui.providers;

import dev.lectern.app.ProviderAdmin;
import dev.lectern.app.ProviderDraft;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.ProviderConfig;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "add a provider" form as typed. Turning text into numbers is the form's job; every other rule is
 * {@link ProviderAdmin#validate}, the same as {@code lectern providers add}.
 */
public final class ProviderForm {
    public static final List<String> TYPES =
            Arrays.stream(ProviderConfig.Type.values()).map(ProviderAdmin::typeName).toList();

    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty type = new SimpleStringProperty(this, "type", ProviderAdmin.typeName(ProviderConfig.Type.AUTOMATIC1111));
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty apiKeyEnv = new SimpleStringProperty(this, "apiKeyEnv", "");
    /** The key is kept in the OS keychain, typed into {@link #apiKey}, instead of named by {@link #apiKeyEnv}. */
    private final BooleanProperty keyInKeychain = new SimpleBooleanProperty(this, "keyInKeychain");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty basicAuthEnv = new SimpleStringProperty(this, "basicAuthEnv", "");
    private final StringProperty models = new SimpleStringProperty(this, "models", "");
    private final StringProperty timeout = new SimpleStringProperty(this, "timeout", "");
    private final StringProperty concurrency = new SimpleStringProperty(this, "concurrency", "");

    /** What was typed, as the command line would receive it; throws for a number that is not one. */
    ProviderDraft draft() {
        List<String> modelList = Arrays.stream(models.get().split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        return new ProviderDraft(id.get().strip(), type.get(), url.get().strip(), keyInKeychain.get() ? null : blankToNull(apiKeyEnv.get()),
                modelList, number("Timeout", timeout.get()), integer("Concurrency", concurrency.get()), keyInKeychain.get(),
                blankToNull(basicAuthEnv.get()));
    }

    /** The key typed for the keychain, null unless the keychain was chosen. */
    String keychainKey() {
        return keyInKeychain.get() ? blankToNull(apiKey.get()) : null;
    }

    void clear() {
        id.set("");
        url.set("");
        apiKeyEnv.set("");
        apiKey.set(""); // the typed key lives no longer than the form's use of it
        basicAuthEnv.set("");
        models.set("");
        timeout.set("");
        concurrency.set("");
    }

    private static Long number(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + " must be a whole number, got '" + t + "'");
        }
    }

    private static Integer integer(String field, String text) {
        Long n = number(field, text);
        if (n != null && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw new InvalidInputException(field + " is far too large, got '" + text.strip() + "'");
        }
        return n == null ? null : n.intValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty apiKeyEnvProperty() {
        return apiKeyEnv;
    }

    public BooleanProperty keyInKeychainProperty() {
        return keyInKeychain;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    /** The NAME of a variable holding user:password for HTTP Basic (AUTOMATIC1111's --api-auth). */
    public StringProperty basicAuthEnvProperty() {
        return basicAuthEnv;
    }

    /** Comma-separated model names. */
    public StringProperty modelsProperty() {
        return models;
    }

    /** Seconds; empty for the default. */
    public StringProperty timeoutProperty() {
        return timeout;
    }

    /** Empty for the default. */
    public StringProperty concurrencyProperty() {
        return concurrency;
    }
}
