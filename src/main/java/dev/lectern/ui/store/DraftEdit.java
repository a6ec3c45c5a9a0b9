package dev.lectern.ui.store;

import dev.lectern.lecture.SegmentDraft;

/** One undoable change of a segment's draft. */
record DraftEdit(String segmentId, SegmentDraft before, SegmentDraft after, long atMillis) {
}
