package dev.lectern.lecture;

/** A lecture's headline, for lists that need no segments. */
public record LectureSummary(String id, String title, long revision, String updatedAt, int segmentCount) {
}
