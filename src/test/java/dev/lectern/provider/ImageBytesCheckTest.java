package dev.lectern.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ImageBytesCheckTest {
    @Test
    void reads_png_and_jpeg_sizes_from_the_header() throws Exception {
        assertThat(ImageBytesCheck.inspect(TestImages.png(300, 200))).isEqualTo(new ImageHeader("image/png", 300, 200));
        assertThat(ImageBytesCheck.inspect(TestImages.jpeg(120, 90))).isEqualTo(new ImageHeader("image/jpeg", 120, 90));
    }

    @Test
    void refuses_absurd_claims_and_non_images() {
        ProviderException huge = catchThrowableOfType(ProviderException.class,
                () -> ImageBytesCheck.inspect(TestImages.pngHeaderClaiming(100_000, 100_000)));
        assertThat(huge.kind()).isEqualTo(ProviderException.Kind.NOT_AN_IMAGE);
        assertThat(huge.getMessage()).contains("claims 100000×100000 pixels");

        ProviderException tooManyPixels = catchThrowableOfType(ProviderException.class,
                () -> ImageBytesCheck.inspect(TestImages.pngHeaderClaiming(8000, 8000)));
        assertThat(tooManyPixels.getMessage()).contains("8000×8000");

        ProviderException negative = catchThrowableOfType(ProviderException.class,
                () -> ImageBytesCheck.inspect(TestImages.pngHeaderClaiming(-1, 10)));
        assertThat(negative.kind()).isEqualTo(ProviderException.Kind.NOT_AN_IMAGE);

        byte[] jpegWithoutFrame = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};
        assertThat(catchThrowableOfType(ProviderException.class, () -> ImageBytesCheck.inspect(jpegWithoutFrame)).getMessage())
                .contains("without a frame header");
        assertThat(catchThrowableOfType(ProviderException.class, () -> ImageBytesCheck.inspect(new byte[0])).kind())
                .isEqualTo(ProviderException.Kind.NOT_AN_IMAGE);
    }
}
