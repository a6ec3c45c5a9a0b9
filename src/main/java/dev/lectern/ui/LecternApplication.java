package dev.lectern.ui;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.lectern.app.AppModule;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.FxmlViews;
import dev.lectern.ui.common.Theme;
import dev.lectern.ui.common.UiPreferences;
import dev.lectern.ui.main.MainView;
import dev.lectern.ui.store.ProjectSession;
import dev.lectern.ui.store.RunExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The window's life cycle: build the injector, show the main window, open the start-up project. */
public class LecternApplication extends Application {
    private Injector injector;

    /** Tests replace modules (for example the user directories) before launch. */
    protected List<Module> modules() {
        return List.of(new AppModule(), new UiModule());
    }

    /** The application's injector, for tests that drive the window through its services. */
    protected Injector injector() {
        return injector;
    }

    @Override
    public void init() {
        injector = Guice.createInjector(modules());
        injector.getInstance(UiPreferences.class).darkTheme(); // read the preferences file before the window exists
    }

    @Override
    public void start(Stage stage) {
        injector.getInstance(Theme.class).apply();
        FxmlViews.Loaded<MainView> main = injector.getInstance(FxmlViews.class).load(MainView.class);
        Scene scene = new Scene(main.root(), 1280, 800);
        scene.getStylesheets().add(LecternApplication.class.getResource("lectern.css").toExternalForm());
        stage.setTitle("Lectern");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        UiPreferences preferences = injector.getInstance(UiPreferences.class);
        preferences.remember(stage);
        preferences.remember("main", main.controller().split());
        stage.show();
        if (Boolean.getBoolean("lectern.startup.marker")) {
            printFirstFrame(scene);
        }
        Optional<Path> requested = getParameters() == null ? Optional.empty()
                : getParameters().getUnnamed().stream().findFirst().map(Path::of);
        main.controller().openAtStartup(requested);
    }

    /**
     * {@code -Dlectern.startup.marker=true} (the start-up benchmark): prints when the first frame of the window
     * has been laid out for painting, in milliseconds since the JVM started.
     */
    private static void printFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("lectern: first frame after " + ms + " ms");
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        injector.getInstance(UiPreferences.class).flush();
        injector.getInstance(ProjectSession.class).close();
        injector.getInstance(RunExecutor.class).shutdown();
        injector.getInstance(Background.class).shutdown();
    }
}
