package dev.lectern.provider.titlecard;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A card's colours, derived from a key. The hue comes from a hash of the key, so any two projects almost
 * always differ; saturation and brightness are fixed per theme so text always reads (WCAG contrast ≥ 4.5).
 */
record TitleCardPalette(Color backgroundTop, Color backgroundBottom, Color accent, Color text, Color muted) {

    static TitleCardPalette forKey(String key) {
        byte[] hash = sha256(key);
        float hue = ((hash[0] & 0xFF) << 8 | (hash[1] & 0xFF)) / 65536f;
        boolean light = (hash[2] & 0x03) == 0; // one card in four is light
        float accentHue = hue + 0.38f + (hash[3] & 0xFF) / 255f * 0.24f; // roughly opposite the background
        if (light) {
            return new TitleCardPalette(
                    Color.getHSBColor(hue, 0.10f, 0.98f),
                    Color.getHSBColor(hue + 0.04f, 0.18f, 0.90f),
                    Color.getHSBColor(accentHue, 0.75f, 0.72f),
                    Color.getHSBColor(hue, 0.60f, 0.16f),
                    Color.getHSBColor(hue, 0.30f, 0.28f));
        }
        return new TitleCardPalette(
                Color.getHSBColor(hue, 0.55f, 0.30f),
                Color.getHSBColor(hue + 0.06f, 0.65f, 0.15f),
                Color.getHSBColor(accentHue, 0.60f, 0.95f),
                Color.getHSBColor(hue, 0.05f, 0.98f),
                Color.getHSBColor(hue, 0.10f, 0.85f));
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
