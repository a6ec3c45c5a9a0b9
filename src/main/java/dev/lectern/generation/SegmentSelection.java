package dev.lectern.generation;

import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which segments of a lecture a batch regenerates (issue 17): the named ones (all when none are named), narrowed by
 * what their current image is — older than a time, made by a model, a title card. The filters combine with AND.
 * One place for the window's dialog and {@code lectern batch}.
 *
 * @param segmentIds     only these (empty: every segment)
 * @param olderThan      only segments whose current image was stored before this (a segment with no image counts)
 * @param madeBy         only segments whose current image came from this model ({@code PROVIDER/MODEL} or titlecard)
 * @param titleCardsOnly only segments whose current image is an offline title card
 */
public record SegmentSelection(List<String> segmentIds, Instant olderThan, String madeBy, boolean titleCardsOnly) {
    public static final SegmentSelection ALL = new SegmentSelection(List.of(), null, null, false);

    public SegmentSelection {
        segmentIds = List.copyOf(new LinkedHashSet<>(segmentIds));
        madeBy = madeBy == null || madeBy.isBlank() ? null : madeBy.strip();
    }

    public static SegmentSelection of(List<String> segmentIds) {
        return new SegmentSelection(segmentIds, null, null, false);
    }

    public boolean filtered() {
        return olderThan != null || madeBy != null || titleCardsOnly;
    }

    /** The chosen segments' ids in lecture order; a named segment the lecture lacks, or an empty choice, is refused. */
    public List<String> choose(Project project, Lecture lecture) {
        for (String id : segmentIds) {
            if (lecture.video(id).isEmpty()) {
                throw new InvalidInputException("lecture " + lecture.id() + " has no segment " + id + "; 'lectern segments' lists them");
            }
        }
        if (lecture.videos().isEmpty()) {
            throw new InvalidInputException("lecture " + lecture.id() + " has no segments to regenerate");
        }
        Set<String> named = Set.copyOf(segmentIds);
        List<String> out = new ArrayList<>();
        for (VideoAsset v : lecture.videos()) {
            if ((named.isEmpty() || named.contains(v.id())) && matches(project, v)) {
                out.add(v.id());
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("no segment of lecture " + lecture.id() + " has " + describe() + "; nothing was started");
        }
        return out;
    }

    /** Whether the segment's current image passes the filters. Reads the file: not on the FX thread. */
    boolean matches(Project project, VideoAsset segment) {
        if (!filtered()) {
            return true;
        }
        Optional<ImageVersion> current = segment.imageKey() == null || segment.imageVersion() == null ? Optional.empty()
                : project.images().find(segment.imageKey(), segment.imageVersion());
        String model = current.map(ImageVersion::model).filter(m -> m != null && !m.isBlank()).orElse(segment.startingImageModel());
        if (olderThan != null && current.isPresent() && !current.get().createdAt().isBefore(olderThan)) {
            return false;
        }
        if (madeBy != null && !madeBy.equals(model)) {
            return false;
        }
        return !titleCardsOnly || SampleLecture.MODEL.equals(model);
    }

    /** "an image older than 2026-12-01T00:00:00Z, made by titlecard": what the filters ask, for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (olderThan != null) {
            parts.add("an image older than " + olderThan);
        }
        if (madeBy != null) {
            parts.add("an image made by " + madeBy);
        }
        if (titleCardsOnly) {
            parts.add("a title card as its image");
        }
        return parts.isEmpty() ? "the segments asked for" : String.join(" and ", parts);
    }
}
