package dev.lectern.storage;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A line of text inside a PNG (an iTXt chunk right after IHDR) that says what the file is. Image viewers and
 * decoders ignore it; the cache reads it back to check that a file on disk is the rendition it wants.
 */
final class PngLabel {
    static final String KEYWORD = "Lectern rendition";
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int AFTER_IHDR = 8 + 12 + 13;

    private PngLabel() {
    }

    /** {@code png} must start with IHDR, as every PNG does. */
    static byte[] embed(byte[] png, String text) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        data.writeBytes(new byte[] {0, 0, 0, 0, 0}); // end of keyword, not compressed, method, no language, no translation
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8)); // iTXt, not tEXt: ids may be any Unicode
        byte[] body = data.toByteArray();
        byte[] type = "iTXt".getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(body);
        ByteBuffer out = ByteBuffer.allocate(png.length + 12 + body.length);
        out.put(png, 0, AFTER_IHDR);
        out.putInt(body.length).put(type).put(body).putInt((int) crc.getValue());
        out.put(png, AFTER_IHDR, png.length - AFTER_IHDR);
        return out.array();
    }

    /** The label, if {@code bytes} is a PNG that has one before its image data. */
    static Optional<String> read(byte[] bytes) {
        if (bytes.length < SIGNATURE.length || !Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int i = SIGNATURE.length;
        while (i + 12 <= bytes.length) {
            int length = b.getInt(i);
            if (length < 0 || length > bytes.length - i - 12) {
                return Optional.empty();
            }
            String type = new String(bytes, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT") || type.equals("IEND")) {
                return Optional.empty();
            }
            if (type.equals("iTXt")) {
                Optional<String> text = labelText(bytes, i + 8, length);
                if (text.isPresent()) {
                    return text;
                }
            }
            i += 12 + length;
        }
        return Optional.empty();
    }

    private static Optional<String> labelText(byte[] bytes, int start, int length) {
        byte[] prefix = (KEYWORD + "\0\0\0\0\0").getBytes(StandardCharsets.ISO_8859_1);
        if (length < prefix.length || !Arrays.equals(bytes, start, start + prefix.length, prefix, 0, prefix.length)) {
            return Optional.empty();
        }
        return Optional.of(new String(bytes, start + prefix.length, length - prefix.length, StandardCharsets.UTF_8));
    }
}
