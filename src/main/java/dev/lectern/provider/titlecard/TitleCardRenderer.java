package dev.lectern.provider.titlecard;

import dev.lectern.lecture.PngBytes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * The built-in offline "image model" ({@value #MODEL}): the prompt laid out on a card in the project's
 * colours, drawn in code. It needs no server, so a new project can be tried at once, and the same spec always
 * gives the same PNG bytes (on the same Java runtime and fonts). Headless-safe: only Java2D on a BufferedImage.
 */
public final class TitleCardRenderer {
    public static final String MODEL = "titlecard";
    private static final String FONT_FAMILY = Font.SANS_SERIF; // the logical font: DejaVu Sans where installed

    public byte[] render(TitleCardSpec spec) {
        int w = spec.width();
        int h = spec.height();
        int shortSide = Math.min(w, h);
        TitleCardPalette palette = TitleCardPalette.forKey(spec.paletteKey());

        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            applyQualityHints(g);
            g.setPaint(new GradientPaint(0, 0, palette.backgroundTop(), w * 0.3f, h, palette.backgroundBottom()));
            g.fillRect(0, 0, w, h);
            drawDecorations(g, w, h, palette.accent(), new SplittableRandom(spec.seed()));

            int margin = Math.max(4, Math.round(shortSide * 0.08f));
            Font footerFont = new Font(FONT_FAMILY, Font.PLAIN, 1).deriveFont(Math.max(7f, shortSide / 30f));
            FontMetrics footerMetrics = g.getFontMetrics(footerFont);
            int barHeight = Math.max(2, shortSide / 90);
            int boxTop = margin + barHeight * 4;
            int boxBottom = h - margin - footerMetrics.getHeight() - margin / 2;
            int boxWidth = w - 2 * margin;

            g.setColor(palette.accent());
            g.fill(new RoundRectangle2D.Float(margin, margin, Math.max(8, w * 0.12f), barHeight, barHeight, barHeight));

            Font promptFont = new Font(FONT_FAMILY, Font.BOLD, 1).deriveFont(Math.max(8f, shortSide / 8f));
            int boxHeight = Math.max(1, boxBottom - boxTop);
            // Smallest size: twelve lines fill the box; a longer prompt is cut rather than shrunk to dust.
            float minSize = Math.max(6f, Math.min(promptFont.getSize2D(), boxHeight / (TitleCardText.MAX_LINES * 1.25f)));
            TitleCardText.Layout layout = TitleCardText.fit(g, spec.prompt(), promptFont, boxWidth, boxHeight, minSize);
            drawCentred(g, layout, palette.text(), margin, boxTop, boxWidth, boxHeight);

            g.setFont(footerFont);
            g.setColor(palette.muted());
            g.drawString("title card · seed " + spec.seed(), margin, h - margin / 2 - footerMetrics.getDescent());
        } finally {
            g.dispose();
        }
        return PngBytes.encode(image);
    }

    private static void applyQualityHints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // Greyscale text antialiasing: sub-pixel (LCD) modes would bake colour fringes into the picture.
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Translucent discs and rings, centred near the edges so they stay mostly out from under the text. */
    private static void drawDecorations(Graphics2D g, int w, int h, Color accent, SplittableRandom random) {
        int shortSide = Math.min(w, h);
        int count = 3 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            float radius = shortSide * (0.08f + random.nextFloat() * 0.30f);
            float[] centre = nearAnEdge(w, h, random);
            Ellipse2D shape = new Ellipse2D.Float(centre[0] - radius, centre[1] - radius, 2 * radius, 2 * radius);
            boolean ring = random.nextBoolean();
            int alpha = ring ? 60 + random.nextInt(50) : 25 + random.nextInt(35);
            g.setColor(new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), alpha));
            if (ring) {
                g.setStroke(new BasicStroke(Math.max(1f, radius * (0.04f + random.nextFloat() * 0.08f))));
                g.draw(shape);
            } else {
                g.fill(shape);
            }
        }
    }

    private static float[] nearAnEdge(int w, int h, SplittableRandom random) {
        float along = random.nextFloat();
        float off = (random.nextFloat() - 0.3f) * 0.15f; // mostly just inside, sometimes just outside
        return switch (random.nextInt(4)) {
            case 0 -> new float[] {along * w, off * h};
            case 1 -> new float[] {along * w, (1 - off) * h};
            case 2 -> new float[] {off * w, along * h};
            default -> new float[] {(1 - off) * w, along * h};
        };
    }

    private static void drawCentred(Graphics2D g, TitleCardText.Layout layout, Color colour, int x, int y, int width, int height) {
        g.setFont(layout.font());
        g.setColor(colour);
        FontMetrics fm = g.getFontMetrics();
        int top = y + Math.max(0, (height - layout.lines().size() * layout.lineHeight()) / 2);
        for (int i = 0; i < layout.lines().size(); i++) {
            String line = layout.lines().get(i);
            g.drawString(line, x + (width - fm.stringWidth(line)) / 2f, top + i * layout.lineHeight() + fm.getAscent());
        }
    }
}
