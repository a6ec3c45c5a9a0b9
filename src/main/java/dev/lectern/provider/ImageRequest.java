package dev.lectern.provider;

import dev.lectern.lecture.InvalidInputException;

/**
 * Images to draw. {@code model} is the provider's own model name (the part after "provider/" in a
 * {@link ModelRef}); {@code aspectRatio} ("16:9") is informational for servers that take it; {@code seed} null
 * means "let the server choose", otherwise the images take {@code seed}, {@code seed + 1}, ...; {@code count}
 * is how many images are wanted (a client may return fewer per call: {@link ImageModelClient#generateBatch}).
 */
public record ImageRequest(String model, String prompt, int width, int height, String aspectRatio, Long seed, int count) {
    public static final int MAX_SIDE = 8192;
    public static final int MAX_PROMPT = 32_000;
    public static final int MAX_COUNT = 8;

    /** One image. */
    public ImageRequest(String model, String prompt, int width, int height, String aspectRatio, Long seed) {
        this(model, prompt, width, height, aspectRatio, seed, 1);
    }

    public ImageRequest {
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInputException("a request asks for 1 to " + MAX_COUNT + " images, not " + count);
        }
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

    /** The same request for one image. */
    public ImageRequest single() {
        return new ImageRequest(model, prompt, width, height, aspectRatio, seed, 1);
    }

    public String size() {
        return width + "x" + height;
    }
}
