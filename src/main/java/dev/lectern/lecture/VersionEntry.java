package dev.lectern.lecture;

/**
 * One line of a segment's image history: the version, where it stands, and the run it came from.
 *
 * @param runId          the run whose candidate it is, or null
 * @param candidateIndex its index among that run's candidates, or null
 */
public record VersionEntry(ImageVersion version, VersionStatus status, String runId, Integer candidateIndex) {
    public boolean current() {
        return status == VersionStatus.CURRENT;
    }
}
