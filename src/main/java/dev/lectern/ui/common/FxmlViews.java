package dev.lectern.ui.common;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML with its controller built by the injector (constructor injection, no lookups). */
public final class FxmlViews {
    private final Injector injector;

    @Inject
    public FxmlViews(Injector injector) {
        this.injector = injector;
    }

    public <C> Loaded<C> load(Class<C> controllerType) {
        String name = controllerType.getSimpleName().replaceFirst("View$", "") + ".fxml";
        URL fxml = controllerType.getResource(name);
        if (fxml == null) {
            throw new IllegalStateException("missing " + name + " beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setControllerFactory(injector::getInstance);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }

    public record Loaded<C>(Parent root, C controller) {
    }
}
