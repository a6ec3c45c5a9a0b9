package dev.lectern.lecture;

import java.time.Instant;

/**
 * One immutable version of a starting image. (imageKey, version) names the same bytes forever, which is
 * what makes every cache keyed by it safe (the desktop form of the seed's {@code ?v=} cache busting).
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
        Long seed,
        Instant createdAt) {

    public String fileExtension() {
        return switch (mediaType) {
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            default -> "png";
        };
    }
}
