package dev.lectern.provider;

/**
 * Reads PNG (IHDR) and JPEG (SOFn) dimensions from the header, without decoding, and refuses absurd sizes
 * before anything tries to allocate them (a decompression bomb claims 100000×100000 in a few bytes).
 * Stand-in until a shared {@code dev.lectern.lecture.ImageInspector} replaces it: keep it this one method.
 */
final class ImageBytesCheck {
    static final int MAX_SIDE = 8192;
    static final long MAX_PIXELS = 50_000_000L;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageBytesCheck() {
    }

    static ImageHeader inspect(byte[] bytes) throws ProviderException {
        if (bytes == null || bytes.length < 4) {
            throw fail("it is empty or too short to be an image");
        }
        ImageHeader h;
        if (startsWith(bytes, PNG_SIGNATURE)) {
            h = png(bytes);
        } else if ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            h = jpeg(bytes);
        } else {
            throw fail("it is neither a PNG nor a JPEG");
        }
        if (h.width() <= 0 || h.height() <= 0) {
            throw fail("it claims a size of " + h.width() + "×" + h.height() + " pixels");
        }
        if (h.width() > MAX_SIDE || h.height() > MAX_SIDE || (long) h.width() * h.height() > MAX_PIXELS) {
            throw fail("it claims " + h.width() + "×" + h.height() + " pixels, more than the limit of "
                    + MAX_SIDE + " pixels a side and " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        return h;
    }

    private static ImageHeader png(byte[] b) throws ProviderException {
        // signature(8) length(4) "IHDR"(4) width(4) height(4)
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw fail("it is a PNG without an IHDR header");
        }
        long w = u32(b, 16);
        long h = u32(b, 20);
        return new ImageHeader("image/png", (int) Math.min(w, Integer.MAX_VALUE), (int) Math.min(h, Integer.MAX_VALUE));
    }

    private static ImageHeader jpeg(byte[] b) throws ProviderException {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xff) {
                throw fail("it is a JPEG with a broken marker");
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { // markers without a length
                i += 2;
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                break; // end of image or start of scan before any frame header
            }
            int length = u16(b, i + 2);
            boolean sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                if (i + 9 > b.length) {
                    break;
                }
                return new ImageHeader("image/jpeg", u16(b, i + 7), u16(b, i + 5));
            }
            if (length < 2) {
                break;
            }
            i += 2 + length;
        }
        throw fail("it is a JPEG without a frame header");
    }

    private static ProviderException fail(String why) {
        return new ProviderException(ProviderException.Kind.NOT_AN_IMAGE, 0, false, null,
                "The answer is not a usable image: " + why + ".", null);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
