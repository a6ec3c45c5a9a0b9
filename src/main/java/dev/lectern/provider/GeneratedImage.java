package dev.lectern.provider;

/**
 * An image exactly as the model returned it (bytes are stored unchanged), with the size read from its header.
 * The byte array is not copied (it can be tens of MiB): treat it as read-only.
 */
public record GeneratedImage(byte[] bytes, String mediaType, int width, int height, Long seed, String model) {
    @Override
    public String toString() {
        return "GeneratedImage[" + mediaType + ", " + width + "×" + height + ", " + bytes.length + " bytes, seed="
                + seed + ", model=" + model + "]";
    }
}
