package dev.lectern.lecture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks bytes that claim to be an image before anything decodes them. {@link #inspect} reads the size from
 * the header only, so a 40-byte file that claims 100000×100000 pixels is refused before a decoder allocates
 * 40 GB for it; {@link #verify} then decodes the whole body to catch a good header on a damaged file.
 * Everything works on the bytes in memory: no files, no temporary caches.
 */
public final class ImageInspector {
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final int MAX_SIDE = 16384;
    public static final long MAX_PIXELS = 64_000_000L;

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String WEBP = "image/webp";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    /** Signature, IHDR length and type, 13 bytes of IHDR data and its CRC. */
    private static final int PNG_HEADER_BYTES = 8 + 8 + 13 + 4;

    private ImageInspector() {
    }

    /** The media type and size from the header alone; throws {@link InvalidImageException}. */
    public static ImageInfo inspect(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new InvalidImageException("the image is empty (0 bytes)");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidImageException(String.format(java.util.Locale.ROOT,
                    "the image is %.1f MiB, more than the %d MiB limit", bytes.length / 1048576.0, MAX_BYTES >> 20));
        }
        if (startsWithPrefixOf(bytes, PNG_SIGNATURE)) {
            return png(bytes);
        }
        if (startsWithPrefixOf(bytes, JPEG_SIGNATURE)) {
            return jpeg(bytes);
        }
        if (startsWithPrefixOf(bytes, RIFF) && (bytes.length < 12 || ascii(bytes, 8, 4).equals("WEBP"))) {
            return webp(bytes);
        }
        throw notAnImage(bytes);
    }

    /**
     * {@link #inspect} and then a full decode, which must succeed without warnings and give the size the
     * header claims. WebP is recognised but refused: no WebP decoder ships with Java.
     */
    public static ImageInfo verify(byte[] bytes) {
        ImageInfo info = inspect(bytes);
        decodeBody(bytes, info);
        return info;
    }

    /** The same checks as {@link #verify}, returning the decoded image. */
    public static BufferedImage decode(byte[] bytes) {
        return decodeBody(bytes, inspect(bytes));
    }

    // ---- PNG: signature, then IHDR must be the first chunk

    private static ImageInfo png(byte[] b) {
        if (b.length < PNG_HEADER_BYTES) {
            throw new InvalidImageException("truncated PNG header: " + b.length + " bytes, the header alone needs "
                    + PNG_HEADER_BYTES);
        }
        if (int32(b, 8) != 13 || !ascii(b, 12, 4).equals("IHDR")) {
            throw new InvalidImageException("damaged PNG header: the first chunk is not a 13-byte IHDR");
        }
        CRC32 crc = new CRC32();
        crc.update(b, 12, 4 + 13);
        if ((int) crc.getValue() != int32(b, 29)) {
            throw new InvalidImageException("damaged PNG header: the IHDR checksum does not match");
        }
        return withinLimits("PNG", PNG, uint32(b, 16), uint32(b, 20));
    }

    // ---- JPEG: walk the marker segments up to the first frame header (SOFn)

    private static ImageInfo jpeg(byte[] b) {
        int n = b.length;
        int i = 2;
        while (true) {
            if (i >= n) {
                throw truncatedJpeg();
            }
            if (u8(b, i) != 0xFF) {
                throw new InvalidImageException(String.format("damaged JPEG header: expected a marker at byte %d, found 0x%02X",
                        i, u8(b, i)));
            }
            while (i < n && u8(b, i) == 0xFF) {
                i++; // any number of 0xFF fill bytes may precede a marker
            }
            if (i >= n) {
                throw truncatedJpeg();
            }
            int marker = u8(b, i++);
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // TEM, SOI, RSTn stand alone: no length follows
            }
            if (marker == 0x00) {
                throw new InvalidImageException("damaged JPEG header: a stuffed 0xFF00 at byte " + (i - 2) + " where a marker belongs");
            }
            if (marker == 0xD9 || marker == 0xDA) {
                throw new InvalidImageException("damaged JPEG: the " + (marker == 0xD9 ? "end of the image" : "image data")
                        + " comes before the frame header that gives its size");
            }
            if (i + 2 > n) {
                throw truncatedJpeg();
            }
            int length = u16(b, i);
            if (length < 2) {
                throw new InvalidImageException(String.format("damaged JPEG header: marker 0xFF%02X has length %d", marker, length));
            }
            if (isStartOfFrame(marker)) {
                // length(2) precision(1) height(2) width(2) components(1)
                if (i + 7 > n) {
                    throw truncatedJpeg();
                }
                int height = u16(b, i + 3);
                int width = u16(b, i + 5);
                if (height == 0) {
                    throw new InvalidImageException("JPEG leaves its height to a later DNL marker, which Lectern does not accept");
                }
                return withinLimits("JPEG", JPEG, width, height);
            }
            i += length;
        }
    }

    /** SOF0–SOF15, except C4 (DHT), C8 (JPG, reserved) and CC (DAC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    private static InvalidImageException truncatedJpeg() {
        return new InvalidImageException("truncated JPEG header: the data ends before the frame header that gives the image size");
    }

    // ---- WebP: RIFF <size> WEBP, then a VP8, VP8L or VP8X chunk. Sizes only; there is no decoder.

    private static ImageInfo webp(byte[] b) {
        if (b.length < 20) {
            throw truncatedWebp();
        }
        String chunk = ascii(b, 12, 4);
        int d = 20; // chunk data
        switch (chunk) {
            case "VP8 " -> {
                if (b.length < d + 10) {
                    throw truncatedWebp();
                }
                if ((u8(b, d) & 1) != 0 || u8(b, d + 3) != 0x9D || u8(b, d + 4) != 0x01 || u8(b, d + 5) != 0x2A) {
                    throw new InvalidImageException("damaged WebP header: the VP8 chunk does not start with a key frame");
                }
                return withinLimits("WebP", WEBP, u16le(b, d + 6) & 0x3FFF, u16le(b, d + 8) & 0x3FFF);
            }
            case "VP8L" -> {
                if (b.length < d + 5) {
                    throw truncatedWebp();
                }
                long bits = uint32le(b, d + 1);
                if (u8(b, d) != 0x2F || (bits >>> 29) != 0) {
                    throw new InvalidImageException("damaged WebP header: bad VP8L signature or version");
                }
                return withinLimits("WebP", WEBP, (bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                if (b.length < d + 10) {
                    throw truncatedWebp();
                }
                return withinLimits("WebP", WEBP, u24le(b, d + 4) + 1L, u24le(b, d + 7) + 1L);
            }
            default -> throw new InvalidImageException("damaged WebP header: unknown first chunk '" + printable(chunk) + "'");
        }
    }

    private static InvalidImageException truncatedWebp() {
        return new InvalidImageException("truncated WebP header: the data ends before the image size");
    }

    // ---- limits and messages

    private static ImageInfo withinLimits(String format, String mediaType, long width, long height) {
        String claim = format + " claims " + width + "×" + height + " pixels";
        if (width == 0 || height == 0) {
            throw new InvalidImageException(claim + "; an image needs at least one pixel each way");
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidImageException(claim + ", more than the " + MAX_SIDE + "-pixel limit");
        }
        if (width * height > MAX_PIXELS) {
            throw new InvalidImageException(claim + ", more than the limit of " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        return new ImageInfo(mediaType, (int) width, (int) height);
    }

    private static InvalidImageException notAnImage(byte[] b) {
        if (b.length >= 6 && (ascii(b, 0, 6).equals("GIF87a") || ascii(b, 0, 6).equals("GIF89a"))) {
            return new InvalidImageException("a GIF image, which Lectern does not accept (expected PNG or JPEG)");
        }
        return new InvalidImageException("not an image (expected PNG or JPEG; the data starts with " + preview(b) + ")");
    }

    /**
     * Servers that fail often answer with text (an HTML page, a JSON error) where the image should be: show it
     * as text then, since that is the useful part; anything else as the first bytes in hex.
     */
    private static String preview(byte[] b) {
        int n = Math.min(b.length, 48);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = u8(b, i);
            if (c == '\n' || c == '\r' || c == '\t') {
                c = ' ';
            }
            if (c < 0x20 || c > 0x7E) {
                text = null;
                break;
            }
            text.append((char) c);
        }
        if (text != null) {
            return "\"" + text + (b.length > n ? "…" : "") + "\"";
        }
        StringBuilder hex = new StringBuilder("bytes");
        for (int i = 0; i < Math.min(b.length, 8); i++) {
            hex.append(String.format(" %02X", u8(b, i)));
        }
        return hex.append(b.length > 8 ? " …" : "").toString();
    }

    // ---- full decode

    private static BufferedImage decodeBody(byte[] bytes, ImageInfo info) {
        String format = switch (info.mediaType()) {
            case PNG -> "PNG";
            case JPEG -> "JPEG";
            default -> throw new InvalidImageException("WebP images cannot be decoded here yet; use PNG or JPEG (an image server can be asked for PNG)");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no " + format + " decoder");
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            // The JPEG decoder reports a truncated body only as a warning and fills the rest with grey.
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new InvalidImageException("damaged " + format + " image: the decoder returned nothing");
            }
            if (!warnings.isEmpty()) {
                throw new InvalidImageException("damaged " + format + " image: " + warnings.get(0));
            }
            if (image.getWidth() != info.width() || image.getHeight() != info.height()) {
                throw new InvalidImageException("damaged " + format + " image: the header says " + info.width() + "×"
                        + info.height() + " but the data decodes to " + image.getWidth() + "×" + image.getHeight());
            }
            return image;
        } catch (InvalidImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO throws IIOException for most damage, but also IndexOutOfBounds and friends on odd data.
            throw new InvalidImageException("damaged " + format + " image: it could not be decoded (" + e + ")", e);
        } finally {
            reader.dispose();
        }
    }

    // ---- byte helpers

    private static boolean startsWithPrefixOf(byte[] b, byte[] signature) {
        int n = Math.min(b.length, signature.length);
        for (int i = 0; i < n; i++) {
            if (b[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return u8(b, i) << 8 | u8(b, i + 1);
    }

    private static int int32(byte[] b, int i) {
        return u16(b, i) << 16 | u16(b, i + 2);
    }

    private static long uint32(byte[] b, int i) {
        return int32(b, i) & 0xFFFF_FFFFL;
    }

    private static int u16le(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return u16le(b, i) | u8(b, i + 2) << 16;
    }

    private static long uint32le(byte[] b, int i) {
        return (u24le(b, i) | (long) u8(b, i + 3) << 24);
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
