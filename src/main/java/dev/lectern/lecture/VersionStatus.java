package dev.lectern.lecture;

import java.util.Locale;

/**
 * Where a version stands in its segment's history. Derived, never stored: from whether the segment points at
 * it, how it came to be, and — for a run's candidate — how that run's review went.
 */
public enum VersionStatus {
    /** The segment's image now. */
    CURRENT,
    /** Was accepted in a review (or restored past), and has since been replaced. */
    ACCEPTED,
    /** A candidate nobody took: its run was rejected, cancelled or expired, or another candidate was accepted. */
    REJECTED,
    /** A candidate the author discarded in the review. */
    DISCARDED,
    /** Came with the lecture and has since been replaced. */
    IMPORTED,
    /** A restore that has since been replaced. */
    RESTORED,
    /** A candidate whose run has not been answered yet. */
    AWAITING_REVIEW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What {@code prune} removes: candidates nobody took, or that the author threw away. */
    public boolean isPrunable() {
        return this == REJECTED || this == DISCARDED;
    }

    /**
     * @param candidate the run candidate this version is, or null when it is no run's (an import, a restore)
     */
    public static VersionStatus of(boolean current, VersionSource source, CandidateFate candidate) {
        if (current) {
            return CURRENT;
        }
        if (candidate != null) {
            if (candidate.discarded()) {
                return DISCARDED;
            }
            if (!candidate.runStatus().isTerminal()) {
                return AWAITING_REVIEW;
            }
            return candidate.accepted() ? ACCEPTED : REJECTED;
        }
        return switch (source) {
            case IMPORT -> IMPORTED;
            case RESTORED -> RESTORED;
            case GENERATED, FILE -> ACCEPTED; // made current outside a run's candidates (a file from before candidates)
        };
    }

    /** What happened to a run's candidate, as far as its status needs. */
    public record CandidateFate(RunStatus runStatus, boolean accepted, boolean discarded) {
    }
}
