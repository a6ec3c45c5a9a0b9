package dev.lectern.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The start-up baseline: a bare JavaFX window of the app's size, marked on its first frame the same way. */
public class BareFxWindow extends Application {
    /** Started like Lectern: from a plain class, so JavaFX may sit on the class path. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(BareFxWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello")), 1280, 800);
        stage.setTitle("Bare");
        stage.setScene(scene);
        stage.show();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("lectern: first frame after " + ms + " ms");
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
