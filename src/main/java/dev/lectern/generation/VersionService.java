package dev.lectern.generation;

import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VersionStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the history panel and the command line do with a segment's image versions: list them, make an earlier one
 * current again, and prune the ones nobody took. Versions are immutable; a restore is a new version that shows the
 * old bytes (decision 0016).
 */
@Singleton
public final class VersionService {
    private final WorkflowEvents events;
    private final Clock clock;

    @Inject
    public VersionService(WorkflowEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A segment's image history, newest first. */
    public record History(String lectureId, String segmentId, String imageKey, List<VersionEntry> versions) {
        public VersionEntry version(int number) {
            return versions.stream().filter(e -> e.version().version() == number).findFirst().orElse(null);
        }
    }

    public History history(Project project, String segmentRef) {
        LectureSegment segment = project.lectures().requireSegment(segmentRef);
        String key = segment.video().imageKey();
        List<VersionEntry> versions = key == null ? List.of() : project.images().history(key);
        return new History(segment.lectureId(), segment.video().id(), key, versions);
    }

    /**
     * Makes {@code version} current again in one transaction: a new version of the same image pointing at the same
     * stored bytes, the segment pointing at it with the prompt and model it was made with, the lecture's revision
     * bumped. The commit event goes out after the commit (seed §7.1), as for an accept.
     */
    public ImageVersion restore(Project project, String segmentRef, int version) {
        LectureSegment found = project.lectures().requireSegment(segmentRef);
        String key = found.video().imageKey();
        if (key == null) {
            throw new InvalidInputException("segment " + found.video().id() + " has no starting image yet, so no versions to restore");
        }
        Instant now = clock.instant();
        ImageVersion restored = project.transaction(() -> {
            VideoAsset segment = project.lectures().requireSegment(segmentRef).video(); // re-read inside the transaction (seed §5.7)
            VersionEntry entry = project.images().history(key).stream().filter(e -> e.version().version() == version).findFirst()
                    .orElseThrow(() -> new InvalidInputException("image " + key + " has no version " + version
                            + "; 'lectern versions' lists them"));
            if (entry.current()) {
                throw new InvalidInputException("version " + version + " is already the current image of segment " + segment.id());
            }
            if (entry.status() == VersionStatus.AWAITING_REVIEW) {
                throw new InvalidInputException("version " + version + " is a candidate of run " + entry.runId()
                        + ", which awaits review; accept it there");
            }
            ImageVersion from = entry.version();
            ImageVersion made = project.images().restore(key, version);
            project.lectures().commitSegment(found.lectureId(), segment.withStartingImage(key, made.version(),
                    from.model() != null ? from.model() : segment.startingImageModel(),
                    from.prompt() != null ? from.prompt() : segment.segmentStartImagePrompt()), now);
            return made;
        });
        events.publish(new WorkflowEvent.ImageCommitted(found.lectureId(), found.video().id(), restored));
        return restored;
    }

    /** Removes rejected and discarded versions of one segment's image, or of the whole project when {@code segmentRef} is null. */
    public ImageRepository.Pruned prune(Project project, String segmentRef, boolean dryRun) {
        String key = null;
        if (segmentRef != null) {
            key = project.lectures().requireSegment(segmentRef).video().imageKey();
            if (key == null) {
                return new ImageRepository.Pruned(List.of(), 0);
            }
        }
        ImageRepository.Pruned pruned = project.images().prune(key, dryRun);
        if (!dryRun && !pruned.versions().isEmpty()) {
            events.publish(new WorkflowEvent.VersionsPruned(pruned.versions().size()));
        }
        return pruned;
    }

    /** What compacting the file would give back to the disk, in bytes. */
    public long reclaimableBytes(Project project) {
        return project.database().reclaimableBytes();
    }

    /** Compacts the file ({@code VACUUM}); {@code cancelled} is polled, and a cancelled compaction changes nothing. */
    public void compact(Project project, BooleanSupplier cancelled) {
        project.database().vacuum(cancelled);
    }
}
