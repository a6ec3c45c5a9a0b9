package dev.lectern.lecture;

import java.time.Instant;

/**
 * One immutable version of a starting image. (imageKey, version) names the same bytes forever — a version
 * number is never used twice, not even after its version was pruned — which is what makes every cache keyed by
 * it safe (the desktop form of the seed's {@code ?v=} cache busting).
 *
 * @param prompt       what the author wrote (the segment prompt), when known
 * @param styledPrompt what the model received (the prompt with the project style), when it differs or is known
 * @param seed         the seed the image was drawn with, when the server took or told one
 * @param restoredFrom for a restore, the version whose bytes it shows again
 */
public record ImageVersion(
        String imageKey,
        int version,
        String sha256,
        String mediaType,
        int width,
        int height,
        long byteSize,
        String model,
        String prompt,
        String styledPrompt,
        Long seed,
        VersionSource source,
        Integer restoredFrom,
        Instant createdAt) {

    public String fileExtension() {
        return switch (mediaType) {
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            default -> "png";
        };
    }
}
