package dev.lectern.lecture;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Image bytes with what is known about them: the header's type and size, and the SHA-256 that stores them
 * content-addressed. Made once, where the bytes enter (an image server's answer, an import, the title-card
 * drawer), so the commit that stores them neither hashes nor inspects them again.
 * The byte array is not copied (it can be tens of MiB): treat it as read-only.
 */
public final class ImageContent {
    private final byte[] bytes;
    private final ImageInfo info;
    private final String sha256;

    private ImageContent(byte[] bytes, ImageInfo info) {
        this.bytes = bytes;
        this.info = info;
        this.sha256 = sha256(bytes);
    }

    /** Checks the header only (type, size limits); for bytes this program made. Throws {@link InvalidImageException}. */
    public static ImageContent inspected(byte[] bytes) {
        return new ImageContent(bytes, ImageInspector.inspect(bytes));
    }

    /** Checks the header, then decodes the whole body; for bytes from outside. Throws {@link InvalidImageException}. */
    public static ImageContent verified(byte[] bytes) {
        return new ImageContent(bytes, ImageInspector.verify(bytes));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public byte[] bytes() {
        return bytes;
    }

    public ImageInfo info() {
        return info;
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public String toString() {
        return "ImageContent[" + info.mediaType() + ", " + info.width() + "×" + info.height() + ", " + bytes.length
                + " bytes, sha256=" + sha256 + "]";
    }
}
