package dev.lectern.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageContentTest {

    @Test
    void sha256IsTheStandardDigestInLowercaseHex() {
        // FIPS 180-2, appendix B.1
        assertThat(ImageContent.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void carriesTheHeaderAndTheDigestOfItsOwnBytes() {
        byte[] png = TestImages.png(120, 80);
        ImageContent image = ImageContent.verified(png);

        assertThat(image.bytes()).isSameAs(png);
        assertThat(image.info()).isEqualTo(new ImageInfo("image/png", 120, 80));
        assertThat(image.sha256()).isEqualTo(ImageContent.sha256(png))
                .isNotEqualTo(ImageContent.verified(TestImages.png(121, 80)).sha256());
    }

    @Test
    void verifiedDecodesTheBodyWhileInspectedReadsTheHeaderOnly() {
        byte[] png = TestImages.png(200, 150);
        byte[] half = Arrays.copyOf(png, png.length / 2);

        assertThat(ImageContent.inspected(half).info().width()).isEqualTo(200);
        assertThatThrownBy(() -> ImageContent.verified(half))
                .isInstanceOf(InvalidImageException.class).hasMessageStartingWith("damaged PNG image");
        assertThatThrownBy(() -> ImageContent.inspected("not an image".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidImageException.class);
    }
}
