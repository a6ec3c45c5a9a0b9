package dev.lectern.lecture;

/** A segment together with the lecture it belongs to: segment ids are unique within a lecture. */
public record LectureSegment(String lectureId, VideoAsset video) {
}
