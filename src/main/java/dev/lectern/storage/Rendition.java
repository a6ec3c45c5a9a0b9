package dev.lectern.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * One image version at a size that fits a list or a dialog: a downscaled PNG, or the original bytes (PNG or JPEG)
 * when they already fit.
 *
 * @param width        size of this rendition
 * @param sourceWidth  size of the original image version
 */
public record Rendition(byte[] bytes, int width, int height, int sourceWidth, int sourceHeight) {

    public Rendition {
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    /** A copy: the cache shares one rendition between callers, so nobody may change its bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** What this rendition costs in the memory cache. */
    public int byteSize() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rendition r && Arrays.equals(bytes, r.bytes) && width == r.width && height == r.height
                && sourceWidth == r.sourceWidth && sourceHeight == r.sourceHeight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bytes), width, height, sourceWidth, sourceHeight);
    }

    @Override
    public String toString() {
        return "Rendition[" + width + "×" + height + " of " + sourceWidth + "×" + sourceHeight + ", " + bytes.length + " bytes]";
    }
}
