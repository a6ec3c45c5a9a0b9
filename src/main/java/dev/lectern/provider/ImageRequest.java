package dev.lectern.provider;

import dev.lectern.lecture.InvalidInputException;

/**
 * One image to draw. {@code model} is the provider's own model name (the part after "provider/" in a
 * {@link ModelRef}); {@code aspectRatio} ("16:9") is informational for servers that take it; {@code seed} null
 * means "let the server choose".
 */
public record ImageRequest(String model, String prompt, int width, int height, String aspectRatio, Long seed) {
    public static final int MAX_SIDE = 8192;
    public static final int MAX_PROMPT = 32_000;

    public ImageRequest {
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("the image prompt is empty");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw new InvalidInputException("the image prompt is longer than " + MAX_PROMPT + " characters");
        }
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidInputException("the image size " + width + "×" + height
                    + " is outside 1–" + MAX_SIDE + " pixels a side");
        }
        model = model == null ? "" : model.strip();
    }

    public String size() {
        return width + "x" + height;
    }
}
