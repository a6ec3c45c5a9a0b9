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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window's life cycle: build the injector, show the main window, open the start-up project.
 *
 * <p>Start-up is spread over three threads (docs/decisions/0009): the injector is built on a background thread
 * while JavaFX starts its toolkit; {@link #init()} loads the main view on the launcher thread while the FX thread
 * reads the theme; {@link #start} shows the window's frame, and its panes follow once that is on screen.
 */
public class LecternApplication extends Application {
    /**
     * Handed from {@link #launchWindow} to the instance JavaFX creates reflectively (there is no other way in);
     * read once by {@link #init()}.
     */
    private static volatile FutureTask<Injector> early;

    private Injector injector;
    private FxmlViews.Loaded<MainView> main;

    /** Opens the window: starts building the injector, then starts JavaFX. */
    public static void launchWindow(String[] args) {
        FutureTask<Injector> task = new FutureTask<>(() -> prepare(defaultModules()));
        Thread thread = new Thread(task, "lectern-startup");
        thread.setDaemon(true);
        early = task;
        thread.start();
        Application.launch(LecternApplication.class, args);
    }

    static List<Module> defaultModules() {
        return List.of(new AppModule(), new UiModule());
    }

    /** Tests replace modules (for example the user directories) before launch. */
    protected List<Module> modules() {
        return defaultModules();
    }

    /** The application's injector, for tests that drive the window through its services. */
    protected Injector injector() {
        return injector;
    }

    /**
     * What the window needs before it can be built and is not JavaFX: the injector, the preferences file read,
     * and the main view's bindings resolved (Guice's reflection over every constructor behind it). Safe before
     * the toolkit has started.
     */
    private static Injector prepare(List<Module> modules) {
        Injector injector = Guice.createInjector(modules);
        injector.getInstance(UiPreferences.class).darkTheme();
        injector.getBinding(MainView.class);
        return injector;
    }

    @Override
    public void init() throws Exception {
        FutureTask<Injector> prepared = early;
        early = null;
        injector = prepared != null ? await(prepared) : prepare(modules());
        injector.getInstance(Theme.class).apply(); // off the FX thread this is queued to it: it runs while the view loads
        main = injector.getInstance(FxmlViews.class).load(MainView.class);
    }

    private static Injector await(FutureTask<Injector> prepared) throws Exception {
        try {
            return prepared.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(main.root(), 1280, 800);
        scene.getStylesheets().add(LecternApplication.class.getResource("lectern.css").toExternalForm());
        stage.setTitle("Lectern");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        UiPreferences preferences = injector.getInstance(UiPreferences.class);
        preferences.remember(stage);
        preferences.remember("main", main.controller().split());
        boolean marker = Boolean.getBoolean("lectern.startup.marker");
        Optional<Path> requested = getParameters() == null ? Optional.empty()
                : getParameters().getUnnamed().stream().findFirst().map(Path::of);
        main.controller().withholdPanes(requested);
        stage.show();
        afterLayout(scene, () -> {
            mark(marker, "first frame");
            // Opening the project (SQLite's native library, the file, the lecture) runs beside the panes' build.
            main.controller().openAtStartup(requested);
            // One more pulse first: it waits for the first frame to be rendered, so its pixels reach the
            // screen before the panes keep the FX thread busy.
            Platform.requestNextPulse();
            afterLayout(scene, () -> Platform.runLater(() -> {
                main.controller().attachPanes();
                afterLayout(scene, () -> {
                    mark(marker, "ready");
                    main.controller().prepareAhead();
                });
            }));
        });
    }

    /** Runs {@code then} once, when the next frame of {@code scene} has been laid out for painting. */
    private static void afterLayout(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /**
     * {@code -Dlectern.startup.marker=true} (the start-up benchmark): prints when the window's first frame and
     * the frame with its panes were laid out for painting, in milliseconds since the JVM started.
     */
    private static void mark(boolean enabled, String what) {
        if (enabled) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("lectern: " + what + " after " + ms + " ms");
            System.out.flush();
        }
    }

    @Override
    public void stop() {
        main.controller().stopWorkAhead();
        injector.getInstance(UiPreferences.class).flush();
        injector.getInstance(ProjectSession.class).close();
        injector.getInstance(RunExecutor.class).shutdown();
        injector.getInstance(Background.class).shutdown();
    }
}
