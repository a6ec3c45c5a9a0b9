package dev.lectern.generation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which segments of a lecture a batch regenerates (issue 17): the named ones (all when none is named), narrowed by
 * each filter that is set, combined with AND. The window's dialog and {@code lectern batch} both build one.
 *
 * @param segmentIds     only these segments; empty for every segment
 * @param olderThan      only segments whose current image was made before this day (in the author's time zone), or that have none
 * @param madeBy         only segments whose current image came from this model, as the project stores it ("local-sd/sdxl")
 * @param titleCardsOnly only segments whose current image came from the offline title-card generator
 */
public record SegmentFilter(List<String> segmentIds, LocalDate olderThan, String madeBy, boolean titleCardsOnly) {
    public static final SegmentFilter ALL = new SegmentFilter(List.of(), null, null, false);

    public SegmentFilter {
        segmentIds = List.copyOf(segmentIds);
        madeBy = madeBy == null || madeBy.isBlank() ? null : madeBy.strip();
    }

    public static SegmentFilter only(List<String> segmentIds) {
        return new SegmentFilter(segmentIds, null, null, false);
    }

    /** Whether anything narrows the segments beyond the named ones. */
    public boolean filters() {
        return olderThan != null || madeBy != null || titleCardsOnly;
    }

    /** "an image older than 2025-03-01 and an image made by local-sd/sdxl", for messages; empty when nothing filters. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (olderThan != null) {
            parts.add("an image older than " + olderThan);
        }
        if (madeBy != null) {
            parts.add("an image made by " + madeBy);
        }
        if (titleCardsOnly) {
            parts.add("a title card");
        }
        return String.join(" and ", parts);
    }
}
