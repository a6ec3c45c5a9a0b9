package dev.lectern.lecture;

import dev.lectern.testing.Bytes;
import dev.lectern.testing.TestImages;
import static dev.lectern.testing.TestImages.bytes;
import static dev.lectern.testing.TestImages.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    // ---- real images

    @Test
    void readsPngSizeFromHeaderAndVerifiesIt() {
        byte[] png = TestImages.png(120, 80);
        assertThat(ImageInspector.inspect(png)).isEqualTo(new ImageInfo("image/png", 120, 80));
        assertThat(ImageInspector.verify(png)).isEqualTo(new ImageInfo("image/png", 120, 80));
    }

    @Test
    void readsJpegSizeFromHeaderAndVerifiesIt() {
        byte[] jpeg = TestImages.jpeg(121, 79);
        assertThat(ImageInspector.inspect(jpeg)).isEqualTo(new ImageInfo("image/jpeg", 121, 79));
        assertThat(ImageInspector.verify(jpeg)).isEqualTo(new ImageInfo("image/jpeg", 121, 79));
    }

    @Test
    void decodeReturnsThePicture() {
        BufferedImage image = ImageInspector.decode(TestImages.png(40, 30));
        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    // ---- JPEG marker walk

    @Test
    void jpegWalkSkipsFillBytesStandaloneMarkersAndLookalikeSegments() {
        byte[] header = concat(
                bytes(0xFF, 0xD8),
                bytes(0xFF, 0xFF, 0xFF, 0xE1, 0x00, 0x04, 0xAA, 0xBB),                // fill bytes, then APP1
                bytes(0xFF, 0xD3),                                                    // RST3 has no length
                bytes(0xFF, 0x01),                                                    // TEM has no length
                // DHT, JPG and DAC sit in the SOF range; read as a frame they would claim 1×1.
                bytes(0xFF, 0xC4, 0x00, 0x08, 0x08, 0x00, 0x01, 0x00, 0x01, 0x03),
                bytes(0xFF, 0xC8, 0x00, 0x08, 0x08, 0x00, 0x01, 0x00, 0x01, 0x03),
                bytes(0xFF, 0xCC, 0x00, 0x08, 0x08, 0x00, 0x01, 0x00, 0x01, 0x03),
                bytes(0xFF, 0xC2, 0x00, 0x11, 0x08, 0x00, 0xC8, 0x01, 0x2C, 0x03)); // SOF2: 300 wide, 200 high
        assertThat(ImageInspector.inspect(header)).isEqualTo(new ImageInfo("image/jpeg", 300, 200));
    }

    @Test
    void jpegWithDataBeforeTheFrameHeaderIsRefused() {
        byte[] scanFirst = bytes(0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10);
        assertThatThrownBy(() -> ImageInspector.inspect(scanFirst))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("before the frame header");
    }

    @Test
    void jpegWithGarbageBetweenSegmentsIsRefused() {
        byte[] garbage = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 0x41, 0x42);
        assertThatThrownBy(() -> ImageInspector.inspect(garbage))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("expected a marker at byte 6");
    }

    // ---- size limits

    @Test
    void pngClaimingAHugeSizeIsRefusedFromItsHeader() {
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.pngHeader(100_000, 100_000)))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("PNG claims 100000×100000 pixels, more than the 16384-pixel limit");
    }

    @Test
    void jpegClaimingAHugeSizeIsRefusedFromItsHeader() {
        // 16 bits per side: a JPEG cannot claim more than 65535.
        byte[] header = bytes(0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0xEA, 0x60, 0xEA, 0x60, 0x03);
        assertThatThrownBy(() -> ImageInspector.inspect(header))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("JPEG claims 60000×60000 pixels, more than the 16384-pixel limit");
    }

    @Test
    void sidesWithinLimitButTooManyPixelsAreRefused() {
        assertThat(ImageInspector.inspect(TestImages.pngHeader(16384, 3900)).width()).isEqualTo(16384);
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.pngHeader(10_000, 10_000)))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("10000×10000").hasMessageContaining("64 megapixels");
    }

    @Test
    void zeroSizeAndNegativeLookingSizesAreRefused() {
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.pngHeader(0, 10)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("0×10");
        // 0x80000000 is not negative in PNG's unsigned field, and far too big.
        assertThatThrownBy(() -> ImageInspector.inspect(TestImages.pngHeader(0x8000_0000L, 10)))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("2147483648×10");
    }

    @Test
    void emptyAndOversizedArraysAreRefused() {
        assertThatThrownBy(() -> ImageInspector.inspect(new byte[0]))
                .isInstanceOf(InvalidImageException.class).hasMessage("the image is empty (0 bytes)");
        byte[] big = new byte[ImageInspector.MAX_BYTES + 1];
        System.arraycopy(TestImages.png(10, 10), 0, big, 0, 40);
        assertThatThrownBy(() -> ImageInspector.inspect(big))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("more than the 50 MiB limit");
    }

    // ---- damaged and foreign data

    @Test
    void truncatedHeadersSayTruncated() {
        byte[] png = TestImages.png(50, 50);
        byte[] jpeg = TestImages.jpeg(50, 50);
        for (int cut : new int[] {1, 4, 8, 20, 32}) {
            assertThatThrownBy(() -> ImageInspector.inspect(Arrays.copyOf(png, cut)))
                    .as("PNG cut at %d", cut)
                    .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("truncated PNG header");
        }
        for (int cut : new int[] {2, 3, 5, 20}) {
            assertThatThrownBy(() -> ImageInspector.inspect(Arrays.copyOf(jpeg, cut)))
                    .as("JPEG cut at %d", cut)
                    .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("truncated JPEG header");
        }
    }

    @Test
    void truncatedBodiesPassInspectButFailVerify() {
        byte[] png = TestImages.png(200, 150);
        byte[] jpeg = TestImages.jpeg(200, 150);
        byte[] halfPng = Arrays.copyOf(png, png.length / 2);
        byte[] halfJpeg = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertThat(ImageInspector.inspect(halfPng).width()).isEqualTo(200);
        assertThat(ImageInspector.inspect(halfJpeg).width()).isEqualTo(200);
        assertThatThrownBy(() -> ImageInspector.verify(halfPng))
                .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("damaged PNG image");
        assertThatThrownBy(() -> ImageInspector.verify(halfJpeg))
                .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("damaged JPEG image");
    }

    @Test
    void pngWithGoodHeaderButGarbageImageDataPassesInspectButFailsVerify() {
        byte[] png = TestImages.png(64, 64);
        int idat = indexOf(png, "IDAT".getBytes(StandardCharsets.US_ASCII)) - 4;
        int length = ByteBuffer.wrap(png, idat, 4).getInt();
        byte[] garbage = new byte[length];
        new Random(7).nextBytes(garbage);
        byte[] damaged = concat(
                Arrays.copyOf(png, idat),
                TestImages.pngChunk("IDAT", garbage), // checksum is right: only the compressed data is wrong
                Arrays.copyOfRange(png, idat + 12 + length, png.length));

        assertThat(ImageInspector.inspect(damaged)).isEqualTo(new ImageInfo("image/png", 64, 64));
        assertThatThrownBy(() -> ImageInspector.verify(damaged))
                .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("damaged PNG image");
    }

    @Test
    void damagedIhdrChecksumIsRefused() {
        byte[] png = TestImages.png(30, 30);
        png[17] ^= 1;
        assertThatThrownBy(() -> ImageInspector.inspect(png))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("checksum");
    }

    @Test
    void randomBytesAreNotAnImageAndTheMessageShowsThem() {
        byte[] random = new byte[500];
        new Random(42).nextBytes(random);
        random[0] = 0x13;
        random[1] = (byte) 0xF0;
        assertThatThrownBy(() -> ImageInspector.inspect(random))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageStartingWith("not an image (expected PNG or JPEG; the data starts with bytes 13 F0 ");
        assertThatThrownBy(() -> ImageInspector.verify(random)).isInstanceOf(InvalidImageException.class);
    }

    @Test
    void textWhereAnImageShouldBeIsQuoted() {
        byte[] error = "{\"error\":\"prompt required\"}".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ImageInspector.inspect(error))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("not an image (expected PNG or JPEG; the data starts with \"{\"error\":\"prompt required\"}\")");
    }

    @Test
    void gifIsNamed() {
        byte[] gif = TestImages.encode(TestImages.picture(10, 10), "gif");
        assertThatThrownBy(() -> ImageInspector.inspect(gif))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("GIF");
    }

    // ---- WebP headers

    @Test
    void webpLosslessHeaderGivesItsSize() {
        int bits = (300 - 1) | (200 - 1) << 14; // version 0, no alpha
        byte[] data = ByteBuffer.allocate(5).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x2F).putInt(bits).array();
        assertThat(ImageInspector.inspect(webp("VP8L", data))).isEqualTo(new ImageInfo("image/webp", 300, 200));
    }

    @Test
    void webpExtendedHeaderGivesTheCanvasSize() {
        assertThat(ImageInspector.inspect(webp("VP8X", vp8x(4000, 3000)))).isEqualTo(new ImageInfo("image/webp", 4000, 3000));
        assertThatThrownBy(() -> ImageInspector.inspect(webp("VP8X", vp8x(20_000, 100))))
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("WebP claims 20000×100 pixels");
    }

    @Test
    void webpLossyHeaderGivesItsSize() {
        byte[] data = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN)
                .put(new byte[] {0x10, 0x02, 0x00}) // key frame tag
                .put(new byte[] {(byte) 0x9D, 0x01, 0x2A}).putShort((short) 640).putShort((short) (480 | 0x4000)) // scale bits ignored
                .array();
        assertThat(ImageInspector.inspect(webp("VP8 ", data))).isEqualTo(new ImageInfo("image/webp", 640, 480));
    }

    @Test
    void webpIsRecognisedButNotDecoded() {
        assertThatThrownBy(() -> ImageInspector.verify(webp("VP8X", vp8x(10, 10))))
                .isInstanceOf(InvalidImageException.class)
                .hasMessage("WebP images cannot be decoded here yet; use PNG or JPEG (an image server can be asked for PNG)");
    }

    @Test
    void truncatedWebpAndOtherRiffFiles() {
        assertThatThrownBy(() -> ImageInspector.inspect(Arrays.copyOf(webp("VP8X", vp8x(10, 10)), 25)))
                .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("truncated WebP header");
        byte[] wav = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ImageInspector.inspect(wav))
                .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("not an image");
    }

    private static byte[] vp8x(int width, int height) {
        int w = width - 1;
        int h = height - 1;
        return bytes(0x10, 0, 0, 0, w & 0xFF, w >> 8 & 0xFF, w >> 16, h & 0xFF, h >> 8 & 0xFF, h >> 16);
    }

    private static byte[] webp(String chunk, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        b.put(chunk.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
        return b.array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        int at = Bytes.indexOf(haystack, needle);
        if (at < 0) {
            throw new AssertionError("not found");
        }
        return at;
    }
}
