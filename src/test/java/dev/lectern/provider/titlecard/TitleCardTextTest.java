package dev.lectern.provider.titlecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Layout rules of the title card, and the palette's contrast. */
class TitleCardTextTest {
    private final Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
    private final Font base = new Font(Font.SANS_SERIF, Font.BOLD, 40);

    @AfterEach
    void dispose() {
        g.dispose();
    }

    @Test
    void everyLineFitsTheWidthAndNoWordIsLost() {
        String prompt = "Slow pan across an old library, dust in the light, a reading lamp left on";
        TitleCardText.Layout layout = TitleCardText.fit(g, prompt, base, 300, 400, 8);
        FontMetrics fm = g.getFontMetrics(layout.font());

        assertThat(layout.lines()).hasSizeGreaterThan(1);
        assertThat(layout.lines()).allSatisfy(line -> assertThat(fm.stringWidth(line)).isLessThanOrEqualTo(300));
        assertThat(String.join(" ", layout.lines())).isEqualTo(prompt);
        assertThat(layout.lines().size() * layout.lineHeight()).isLessThanOrEqualTo(400);
    }

    @Test
    void longPromptsShrinkTheFontThenEndInAnEllipsis() {
        TitleCardText.Layout shortOne = TitleCardText.fit(g, "Intro", base, 600, 300, 8);
        TitleCardText.Layout medium = TitleCardText.fit(g, "word ".repeat(60), base, 600, 300, 8);
        TitleCardText.Layout huge = TitleCardText.fit(g, "word ".repeat(5000), base, 600, 300, 8);

        assertThat(shortOne.font().getSize2D()).isEqualTo(40f);
        assertThat(medium.font().getSize2D()).isLessThan(40f);
        assertThat(medium.lines().get(medium.lines().size() - 1)).doesNotEndWith("…");
        assertThat(huge.lines()).hasSizeLessThanOrEqualTo(TitleCardText.MAX_LINES);
        assertThat(huge.lines().get(huge.lines().size() - 1)).endsWith("…");
        assertThat(huge.font().getSize2D()).isEqualTo(8f);
    }

    @Test
    void aWordWiderThanTheBoxIsBrokenAndEmptyTextHasNoLines() {
        FontMetrics fm = g.getFontMetrics(base);
        List<String> lines = TitleCardText.wrap(List.of("x".repeat(200)), fm, 200, 100);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo("x".repeat(200));
        assertThat(lines).allSatisfy(line -> assertThat(fm.stringWidth(line)).isLessThanOrEqualTo(200));
        assertThat(TitleCardText.fit(g, "  \n\t ", base, 200, 200, 8).lines()).isEmpty();
    }

    @Test
    void paletteIsDeterministicAndReadable() {
        assertThat(TitleCardPalette.forKey("abc")).isEqualTo(TitleCardPalette.forKey("abc"));
        for (int i = 0; i < 500; i++) {
            TitleCardPalette p = TitleCardPalette.forKey("project-" + i);
            for (var background : List.of(p.backgroundTop(), p.backgroundBottom())) {
                assertThat(TitleCardPalette.contrast(p.text(), background)).as("text on key %d", i).isGreaterThanOrEqualTo(7.0);
                assertThat(TitleCardPalette.contrast(p.muted(), background)).as("footer on key %d", i).isGreaterThanOrEqualTo(4.5);
            }
        }
    }
}
