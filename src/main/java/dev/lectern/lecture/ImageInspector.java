package dev.lectern.lecture;

/** TEMPORARY placeholder until the images branch lands. */
public final class ImageInspector {
    public record ImageInfo(String mediaType, int width, int height) {
    }

    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private ImageInspector() {
    }

    public static ImageInfo inspect(byte[] bytes) {
        return verify(bytes);
    }

    public static ImageInfo verify(byte[] bytes) {
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (img == null) {
                throw new InvalidInputException("not an image");
            }
            boolean png = bytes.length > 4 && bytes[1] == 'P';
            return new ImageInfo(png ? "image/png" : "image/jpeg", img.getWidth(), img.getHeight());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("not an image");
        }
    }
}
