package dev.lectern.lecture;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG encoding in memory. */
public final class PngBytes {
    private PngBytes() {
    }

    /**
     * Encodes {@code image} as PNG. The same image always gives the same bytes (no timestamps), which the
     * caches and the deterministic title cards rely on. A memory stream, because {@code ImageIO.write} to an
     * OutputStream may spill into a temporary file.
     */
    public static byte[] encode(RenderedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e); // cannot happen with a memory stream
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
