package dev.lectern.ui;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lectern.app.AppModule;
import dev.lectern.provider.UserDirectories;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/** The real application, with the user's directories moved into a test folder. One at a time. */
public class TestApp extends LecternApplication {
    static volatile Path home;
    static volatile Module extra = b -> { };
    static volatile TestApp current;

    @Override
    protected List<Module> modules() {
        UserDirectories dirs = new UserDirectories(Map.of(
                "LECTERN_CONFIG_DIR", home.resolve("config").toString(),
                "LECTERN_DATA_DIR", home.resolve("data").toString(),
                "LECTERN_CACHE_DIR", home.resolve("cache").toString()), System::getProperty);
        return List.of(Modules.override(new AppModule(), new UiModule())
                .with(b -> b.bind(UserDirectories.class).toInstance(dirs), extra));
    }

    @Override
    public void init() throws Exception {
        super.init();
        current = this;
    }

    /** Launches the window on {@code args} with per-user files under {@code homeDir}. */
    public static Launched launch(Path homeDir, Module overrides, String... args) throws Exception {
        home = homeDir;
        extra = overrides;
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = FxToolkit.setupApplication(TestApp.class, args);
        return new Launched(stage, app, current.injector());
    }

    public record Launched(Stage stage, Application app, Injector injector) implements AutoCloseable {
        public <T> T get(Class<T> type) {
            return injector.getInstance(type);
        }

        @Override
        public void close() throws java.util.concurrent.TimeoutException {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
    }
}
