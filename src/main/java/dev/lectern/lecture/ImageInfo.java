package dev.lectern.lecture;

/** What an image's header says about it: {@code image/png}, {@code image/jpeg} or {@code image/webp}, and its size. */
public record ImageInfo(String mediaType, int width, int height) {
}
