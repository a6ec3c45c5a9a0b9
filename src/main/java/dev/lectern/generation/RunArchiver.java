package dev.lectern.generation;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Archives finished runs older than some days (decision 0026): the window on opening, by the project's
 * {@code runs.archiveAfterDays}; {@code lectern archive-runs} by that or by {@code --older-than}.
 */
public final class RunArchiver {
    private final Clock clock;

    @Inject
    public RunArchiver(Clock clock) {
        this.clock = clock;
    }

    /** What one archiving did: {@code archived} runs finished before {@code cutoff}. */
    public record Archived(int archived, int olderThanDays, Instant cutoff) {
    }

    /** Applies the project's setting; nothing when it is unset (never). The project must be open for writing. */
    public int applySetting(Project project) {
        Integer days = project.settings().load().runs().archiveAfterDays();
        return days == null ? 0 : archiveOlderThan(project, days).archived();
    }

    /** Archives the finished runs last changed more than {@code days} days ago, 1 to {@value ProjectSettings#MAX_ARCHIVE_DAYS}. */
    public Archived archiveOlderThan(Project project, int days) {
        if (days < 1 || days > ProjectSettings.MAX_ARCHIVE_DAYS) {
            throw new InvalidInputException("runs can be archived after 1 to " + ProjectSettings.MAX_ARCHIVE_DAYS + " days, not " + days);
        }
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofDays(days));
        return new Archived(project.runs().archiveFinishedBefore(cutoff, now), days, cutoff);
    }
}
