package dev.lectern.lecture;

/** The image a run produced, stored as a version that is not (yet) any segment's current one. */
public record PreviewImage(String startingImageId, int version, String sha256, int width, int height) {
}
