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
        FXMLLoader loader = loader(controllerType, controllerType.getSimpleName().replaceFirst("View$", "") + ".fxml");
        loader.setControllerFactory(injector::getInstance);
        Parent root = load(loader);
        return new Loaded<>(root, controllerType.cast(loader.getController()));
    }

    /**
     * Loads a part of a view, {@code name} beside the controller's class, with that object as its controller:
     * for pieces a view builds only when they are first needed. The part's FXML names no controller.
     */
    public Parent loadPart(Object controller, String name) {
        FXMLLoader loader = loader(controller.getClass(), name);
        loader.setController(controller);
        return load(loader);
    }

    private static FXMLLoader loader(Class<?> besides, String name) {
        URL fxml = besides.getResource(name);
        if (fxml == null) {
            throw new IllegalStateException("missing " + name + " beside " + besides.getName());
        }
        return new FXMLLoader(fxml);
    }

    private static Parent load(FXMLLoader loader) {
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + loader.getLocation(), e);
        }
    }

    public record Loaded<C>(Parent root, C controller) {
    }
}
