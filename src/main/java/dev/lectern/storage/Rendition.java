package dev.lectern.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * A downscaled copy of one image version, PNG-encoded, for lists and dialogs.
 *
 * @param width        size of this rendition
 * @param sourceWidth  size of the original image version
 */
public record Rendition(byte[] png, int width, int height, int sourceWidth, int sourceHeight) {

    public Rendition {
        Objects.requireNonNull(png, "png");
        png = png.clone();
    }

    /** A copy: the cache shares one rendition between callers, so nobody may change its bytes. */
    @Override
    public byte[] png() {
        return png.clone();
    }

    /** What this rendition costs in the memory cache. */
    public int byteSize() {
        return png.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rendition r && Arrays.equals(png, r.png) && width == r.width && height == r.height
                && sourceWidth == r.sourceWidth && sourceHeight == r.sourceHeight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(png), width, height, sourceWidth, sourceHeight);
    }

    @Override
    public String toString() {
        return "Rendition[" + width + "×" + height + " of " + sourceWidth + "×" + sourceHeight + ", " + png.length + " bytes]";
    }
}
