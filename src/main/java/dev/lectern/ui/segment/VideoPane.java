package dev.lectern.ui.segment;

import dev.lectern.lecture.VideoAsset;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Video tab's content: the segment's video played with JavaFX media where the platform can, otherwise
 * its details. Videos stay outside the project file; {@code videoPath} is looked up beside it.
 */
public final class VideoPane {
    private final Background background;
    private MediaPlayer player;
    private long request;

    @Inject
    public VideoPane(Background background) {
        this.background = background;
    }

    void show(StackPane holder, Label pathLabel, VideoAsset segment, Path projectFile) {
        stop();
        holder.getChildren().clear();
        long asked = ++request;
        if (segment == null) {
            pathLabel.setText("");
            return;
        }
        if (segment.videoPath() == null) {
            pathLabel.setText("This segment has no video yet.");
            return;
        }
        pathLabel.setText("Video: " + segment.videoPath());
        // Looking for the file touches the disk: off the FX thread; a later selection wins.
        background.run(() -> locate(segment.videoPath(), projectFile).map(f -> new Found(f, sizeOf(f))), found -> {
            if (asked == request) {
                showFound(holder, pathLabel, segment, projectFile, found);
            }
        }, e -> pathLabel.setText("Video: " + segment.videoPath() + " (" + e.getMessage() + ")"));
    }

    private record Found(Path file, String size) {
    }

    private void showFound(StackPane holder, Label pathLabel, VideoAsset segment, Path projectFile, Optional<Found> file) {
        if (file.isEmpty()) {
            pathLabel.setText("Video: " + segment.videoPath() + " (not found beside the project; put it in a 'videos' folder next to "
                    + (projectFile == null ? "the project" : projectFile.getFileName()) + ")");
            return;
        }
        pathLabel.setText("Video: " + file.get().file() + " · " + file.get().size());
        try {
            MediaPlayer next = new MediaPlayer(new Media(file.get().file().toUri().toString()));
            player = next;
            MediaView view = new MediaView(next);
            view.setPreserveRatio(true);
            view.fitWidthProperty().bind(holder.widthProperty());
            Button play = new Button("Play", new FontIcon("mdmz-play_arrow"));
            play.setAccessibleText("Play the segment's video");
            play.setOnAction(e -> next.play());
            next.setOnError(() -> showUnplayable(holder, next.getError()));
            holder.getChildren().setAll(new VBox(8, view, play));
        } catch (MediaException | UnsupportedOperationException e) {
            showUnplayable(holder, e);
        }
    }

    void stop() {
        if (player != null) {
            player.dispose();
            player = null;
        }
    }

    private static void showUnplayable(StackPane holder, Exception why) {
        holder.getChildren().setAll(new Label("This computer cannot play the video here (" + (why == null ? "unsupported" : why.getMessage())
                + "). Open it with your video player."));
    }

    static Optional<Path> locate(String videoPath, Path projectFile) {
        Path given = Path.of(videoPath);
        if (given.isAbsolute() && Files.isRegularFile(given)) {
            return Optional.of(given);
        }
        if (projectFile == null) {
            return Optional.empty();
        }
        Path dir = projectFile.toAbsolutePath().getParent();
        String relative = videoPath.replaceFirst("^/+", "");
        for (Path candidate : List.of(dir.resolve(relative), dir.resolve("videos").resolve(given.getFileName().toString()))) {
            if (candidate.normalize().startsWith(dir) && Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String sizeOf(Path file) {
        try {
            return String.format("%.1f MB", Files.size(file) / 1_000_000.0);
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }
}
