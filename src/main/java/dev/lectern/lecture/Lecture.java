package dev.lectern.lecture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lecture as the web app stores it: {@code {id, title, revision, updatedAt, content: {videos, ...}}}.
 * Lectern edits {@code videos}; the other asset arrays of {@code content} and any unknown top-level field
 * are kept exactly as they came. {@code updatedAt} keeps its original text (see {@link Timestamps}).
 *
 * @param otherContent every {@code content} entry except {@code videos}, in its original order
 * @param extra        top-level fields other than id, title, revision, updatedAt and content
 */
public record Lecture(
        String id,
        String title,
        long revision,
        String updatedAt,
        List<VideoAsset> videos,
        Map<String, Object> otherContent,
        Map<String, Object> extra) {

    public Lecture {
        Ids.requireValid("lecture id", id);
        Timestamps.parse("updatedAt of lecture " + id, updatedAt);
        if (revision < 0) {
            throw new InvalidInputException("lecture " + id + ": revision must not be negative");
        }
        videos = List.copyOf(videos);
        otherContent = JsonValues.frozen(otherContent);
        extra = JsonValues.frozen(extra);
        requireUniqueSegmentIds(id, videos);
    }

    public Optional<VideoAsset> video(String segmentId) {
        return videos.stream().filter(v -> v.id().equals(segmentId)).findFirst();
    }

    /** Replaces the segment with the same id (seed §5.7), keeping its position. */
    public Lecture withVideo(VideoAsset replacement) {
        List<VideoAsset> next = new ArrayList<>(videos.size());
        boolean found = false;
        for (VideoAsset v : videos) {
            if (v.id().equals(replacement.id())) {
                next.add(replacement.withPosition(v.position()));
                found = true;
            } else {
                next.add(v);
            }
        }
        if (!found) {
            throw new InvalidInputException("lecture " + id + " has no segment " + replacement.id());
        }
        return new Lecture(id, title, revision, updatedAt, next, otherContent, extra);
    }

    /** The next saved state: one revision later, stamped {@code now} as the web app writes it. */
    public Lecture nextRevision(Instant now) {
        return new Lecture(id, title, revision + 1, Timestamps.format(now), videos, otherContent, extra);
    }

    private static void requireUniqueSegmentIds(String lectureId, List<VideoAsset> videos) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (VideoAsset v : videos) {
            if (!seen.add(v.id())) {
                throw new InvalidInputException("lecture " + lectureId + " has two segments with id " + v.id());
            }
        }
    }
}
