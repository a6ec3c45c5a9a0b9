package dev.lectern.storage;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Shrinks images for renditions: aspect kept, never enlarged. */
final class Downscaler {
    private Downscaler() {
    }

    /** The size that fits in a {@code maxEdge} square with the same aspect; the original size if it already fits. */
    static int[] fit(int width, int height, int maxEdge) {
        if (width <= maxEdge && height <= maxEdge) {
            return new int[] {width, height};
        }
        double scale = (double) maxEdge / Math.max(width, height);
        return new int[] {
            Math.max(1, (int) Math.round(width * scale)),
            Math.max(1, (int) Math.round(height * scale))};
    }

    /**
     * Halves with bilinear filtering while more than twice too large, then one bicubic step: a single bicubic
     * step from far above samples only a few source pixels per output pixel and looks grainy.
     */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        if (source.getWidth() == width && source.getHeight() == height) {
            return source;
        }
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        while (current.getWidth() != width || current.getHeight() != height) {
            int w = current.getWidth() / 2 >= width ? current.getWidth() / 2 : width;
            int h = current.getHeight() / 2 >= height ? current.getHeight() / 2 : height;
            boolean last = w == width && h == height;
            BufferedImage next = new BufferedImage(w, h, type);
            Graphics2D g = next.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, last
                    ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, w, h, null);
            g.dispose();
            current = next;
        }
        return current;
    }
}
