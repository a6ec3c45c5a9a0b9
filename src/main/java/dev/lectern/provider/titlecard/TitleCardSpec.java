package dev.lectern.provider.titlecard;

/**
 * What to draw: the prompt on a {@code width}×{@code height} card (64–4096 each way). {@code paletteKey} picks
 * the colours (the app passes the project's id or title, so a project's cards look alike); {@code seed} moves
 * the decorations, so a regeneration visibly differs. A missing prompt or key counts as empty.
 */
public record TitleCardSpec(String prompt, int width, int height, long seed, String paletteKey) {
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 4096;

    public TitleCardSpec {
        prompt = prompt == null ? "" : prompt;
        paletteKey = paletteKey == null ? "" : paletteKey;
        requireSide("width", width);
        requireSide("height", height);
    }

    private static void requireSide(String name, int value) {
        if (value < MIN_SIDE || value > MAX_SIDE) {
            throw new IllegalArgumentException("title card " + name + " must be from " + MIN_SIDE + " to " + MAX_SIDE
                    + " pixels, got " + value);
        }
    }
}
