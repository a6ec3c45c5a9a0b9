package dev.lectern.provider.titlecard;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** Fits a prompt into a box: word-wrapped, the font shrunk as needed, cut with "…" past {@link #MAX_LINES}. */
final class TitleCardText {
    static final int MAX_LINES = 12;
    private static final String ELLIPSIS = "…";

    record Layout(Font font, List<String> lines, int lineHeight) {
    }

    private TitleCardText() {
    }

    static Layout fit(Graphics2D g, String prompt, Font base, int boxWidth, int boxHeight, float minSize) {
        List<String> words = words(prompt);
        float size = Math.max(minSize, base.getSize2D());
        while (true) {
            Font font = base.deriveFont(size);
            FontMetrics fm = g.getFontMetrics(font);
            int lineHeight = fm.getHeight();
            int capacity = Math.max(1, Math.min(MAX_LINES, boxHeight / lineHeight));
            List<String> lines = wrap(words, fm, boxWidth, capacity);
            if (lines.size() <= capacity) {
                return new Layout(font, lines, lineHeight);
            }
            if (size <= minSize) {
                List<String> kept = new ArrayList<>(lines.subList(0, capacity));
                kept.set(capacity - 1, ellipsize(kept.get(capacity - 1), fm, boxWidth));
                return new Layout(font, kept, lineHeight);
            }
            size = Math.max(minSize, size * 0.9f);
        }
    }

    /** Whitespace and control characters separate words; a prompt's line breaks do not survive on a card. */
    static List<String> words(String prompt) {
        List<String> words = new ArrayList<>();
        for (String w : prompt.replaceAll("\\p{Cntrl}", " ").strip().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** At most {@code limit + 1} lines: stops as soon as it is clear the text does not fit. */
    static List<String> wrap(List<String> words, FontMetrics fm, int maxWidth, int limit) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : words) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
                if (lines.size() > limit) {
                    return lines;
                }
            }
            String rest = word; // a word wider than the box is broken where it must be
            while (fm.stringWidth(rest) > maxWidth) {
                int cut = fittingPrefix(rest, fm, maxWidth);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
                if (lines.size() > limit) {
                    return lines;
                }
            }
            line = rest;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** The longest prefix that fits (at least one character), never splitting a surrogate pair. */
    private static int fittingPrefix(String s, FontMetrics fm, int maxWidth) {
        int lo = 1;
        int hi = s.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fm.stringWidth(s.substring(0, mid)) <= maxWidth) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (Character.isHighSurrogate(s.charAt(lo - 1))) {
            lo = lo > 1 ? lo - 1 : Math.min(2, s.length());
        }
        return lo;
    }

    static String ellipsize(String line, FontMetrics fm, int maxWidth) {
        String kept = line.stripTrailing();
        while (!kept.isEmpty() && fm.stringWidth(kept + ELLIPSIS) > maxWidth) {
            kept = kept.substring(0, kept.offsetByCodePoints(kept.length(), -1)).stripTrailing();
        }
        return kept + ELLIPSIS;
    }
}
