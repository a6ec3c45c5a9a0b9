package dev.lectern.provider.titlecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TitleCardRendererTest {
    private static final String PROMPT = "A lighthouse on a cliff at dusk, waves breaking below, warm light in the window";
    private final TitleCardRenderer renderer = new TitleCardRenderer();

    @Test
    void rendersAPngOfTheRequestedSize() throws IOException {
        BufferedImage card = decode(renderer.render(new TitleCardSpec(PROMPT, 1024, 576, 1, "project-1")));
        assertThat(card.getWidth()).isEqualTo(1024);
        assertThat(card.getHeight()).isEqualTo(576);

        BufferedImage portrait = decode(renderer.render(new TitleCardSpec(PROMPT, 64, 200, 1, "project-1")));
        assertThat(portrait.getWidth()).isEqualTo(64);
        assertThat(portrait.getHeight()).isEqualTo(200);
    }

    @Test
    void theSameSpecGivesTheSameBytes() {
        TitleCardSpec spec = new TitleCardSpec(PROMPT, 640, 360, 42, "project-1");
        assertThat(new TitleCardRenderer().render(spec)).isEqualTo(renderer.render(spec));
    }

    @Test
    void anotherSeedGivesAnotherPicture() throws IOException {
        BufferedImage a = decode(renderer.render(new TitleCardSpec(PROMPT, 640, 360, 1, "project-1")));
        BufferedImage b = decode(renderer.render(new TitleCardSpec(PROMPT, 640, 360, 2, "project-1")));
        // The decorations moved, not only the footer: many pixels outside the footer differ.
        int differing = 0;
        for (int y = 0; y < 300; y += 2) {
            for (int x = 0; x < 640; x += 2) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).isGreaterThan(2000);
    }

    @Test
    void anotherPaletteKeyGivesOtherDominantColours() throws IOException {
        Color a = average(decode(renderer.render(new TitleCardSpec(PROMPT, 320, 180, 1, "Physics 101"))));
        Color b = average(decode(renderer.render(new TitleCardSpec(PROMPT, 320, 180, 1, "Medieval History"))));
        int distance = Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
        assertThat(distance).as("average colours %s and %s", a, b).isGreaterThan(40);
    }

    @Test
    void textIsDrawnInTheTextColour() throws IOException {
        TitleCardPalette palette = TitleCardPalette.forKey("project-1");
        BufferedImage withText = decode(renderer.render(new TitleCardSpec("WWWW MMMM", 640, 360, 1, "project-1")));
        BufferedImage empty = decode(renderer.render(new TitleCardSpec("", 640, 360, 1, "project-1")));
        assertThat(countNear(withText, palette.text())).isGreaterThan(countNear(empty, palette.text()) + 1000);
    }

    @Test
    void veryLongAndEmptyPromptsBothRender() throws IOException {
        String longPrompt = "The quick brown fox jumps over the lazy dog. ".repeat(112).substring(0, 5000);
        BufferedImage longCard = decode(renderer.render(new TitleCardSpec(longPrompt, 800, 450, 3, "p")));
        BufferedImage emptyCard = decode(renderer.render(new TitleCardSpec("", 800, 450, 3, "p")));
        BufferedImage nullCard = decode(renderer.render(new TitleCardSpec(null, 64, 64, 3, null)));
        BufferedImage oneWord = decode(renderer.render(new TitleCardSpec("x".repeat(5000), 64, 64, 3, "p")));
        assertThat(longCard.getWidth()).isEqualTo(800);
        assertThat(emptyCard.getWidth()).isEqualTo(800);
        assertThat(nullCard.getWidth()).isEqualTo(64);
        assertThat(oneWord.getWidth()).isEqualTo(64);
    }

    @Test
    void sidesOutside64To4096AreRefused() {
        assertThatThrownBy(() -> new TitleCardSpec(PROMPT, 63, 100, 1, "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width").hasMessageContaining("63");
        assertThatThrownBy(() -> new TitleCardSpec(PROMPT, 100, 4097, 1, "p")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("height");
        assertThatThrownBy(() -> new TitleCardSpec(PROMPT, 0, 0, 1, "p")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TitleCardSpec(PROMPT, 64, 4096, 1, "p").height()).isEqualTo(4096);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodable PNG").isNotNull();
        return image;
    }

    private static Color average(BufferedImage image) {
        long r = 0;
        long g = 0;
        long b = 0;
        long n = (long) image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                r += rgb >> 16 & 0xFF;
                g += rgb >> 8 & 0xFF;
                b += rgb & 0xFF;
            }
        }
        return new Color((int) (r / n), (int) (g / n), (int) (b / n));
    }

    private static int countNear(BufferedImage image, Color colour) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 24) {
                    count++;
                }
            }
        }
        return count;
    }
}
