package dev.lectern.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves a scene as PNG when the run asks for it ({@code -Dlectern.screenshots=<dir>}); does nothing otherwise.
 * Call on the FX thread. Headless Monocle renders with the software pipeline, so this works without a display.
 */
public final class FxScreenshots {
    private FxScreenshots() {
    }

    public static void saveIfRequested(Scene scene, String name) {
        String dir = System.getProperty("lectern.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        WritableImage shot = scene.snapshot(null);
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = shot.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
