package dev.lectern.generation;

import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ModelRef;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the segments a batch regenerates, once for the window and the command line: what a {@link SegmentFilter}
 * asks of each segment's current image version (its model and when it was made), in lecture order.
 */
public final class SegmentSelection {
    @Inject
    public SegmentSelection() {
    }

    /** The ids chosen, in lecture order; never empty: a filter matching nothing says so, naming the filter. */
    public List<String> select(Project project, Lecture lecture, SegmentFilter filter) {
        if (lecture.videos().isEmpty()) {
            throw new InvalidInputException("lecture " + lecture.id() + " has no segments to regenerate");
        }
        Set<String> named = new LinkedHashSet<>(filter.segmentIds());
        for (String id : named) {
            if (lecture.video(id).isEmpty()) {
                throw new InvalidInputException("lecture " + lecture.id() + " has no segment " + id + "; 'lectern segments' lists them");
            }
        }
        Instant before = filter.olderThan() == null ? null : filter.olderThan().atStartOfDay(ZoneId.systemDefault()).toInstant();
        List<String> chosen = new ArrayList<>();
        for (VideoAsset v : lecture.videos()) {
            if ((named.isEmpty() || named.contains(v.id())) && matches(project, v, filter, before)) {
                chosen.add(v.id());
            }
        }
        if (chosen.isEmpty()) {
            String which = named.isEmpty() ? "no segment of lecture " + lecture.id()
                    : "none of the segments " + String.join(", ", named) + " of lecture " + lecture.id();
            throw new InvalidInputException(which + " has " + filter.describe()
                    + "; nothing was started ('lectern segments' shows each segment's image and model)");
        }
        return chosen;
    }

    /** The models that made the lecture's current images, sorted: what "made by" can choose from. */
    public List<String> modelsIn(Project project, Lecture lecture) {
        Set<String> models = new TreeSet<>();
        for (VideoAsset v : lecture.videos()) {
            String model = madeBy(v, current(project, v).orElse(null));
            if (model != null) {
                models.add(model);
            }
        }
        return List.copyOf(models);
    }

    private static boolean matches(Project project, VideoAsset v, SegmentFilter filter, Instant before) {
        if (!filter.filters()) {
            return true;
        }
        ImageVersion image = current(project, v).orElse(null);
        String model = madeBy(v, image);
        if (before != null && image != null && image.createdAt() != null && !image.createdAt().isBefore(before)) {
            return false; // a segment with no stored image has nothing newer, so it counts as older
        }
        if (filter.madeBy() != null && !filter.madeBy().equals(model)) {
            return false;
        }
        return !filter.titleCardsOnly() || ModelRef.TITLE_CARD.equals(model);
    }

    private static Optional<ImageVersion> current(Project project, VideoAsset v) {
        String key = v.imageKey();
        return key == null || v.imageVersion() == null ? Optional.empty() : project.images().find(key, v.imageVersion());
    }

    /** The version's own record of its model; an imported or older record may only have the segment's. */
    private static String madeBy(VideoAsset v, ImageVersion image) {
        if (image != null && image.model() != null) {
            return image.model();
        }
        return v.startingImageModel();
    }
}
