package dev.lectern.ui.history;

import dev.lectern.generation.ModelCatalog;
import dev.lectern.generation.VersionService;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VersionStatus;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.HumanBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History tab's state: the shown segment's versions, newest first, read off the FX thread and read again
 * whenever the session says a history may have changed (a candidate, a review, a restore, a prune).
 */
public final class HistoryViewModel {
    private final ProjectSession session;
    private final VersionService versions;
    private final Background background;
    private final ObservableList<VersionEntry> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String segmentRef;
    private String segmentId;
    /** Counts loads, so a slow one for the segment shown before never replaces the one shown now. */
    private int loads;

    @Inject
    public HistoryViewModel(ProjectSession session, VersionService versions, Background background) {
        this.session = session;
        this.versions = versions;
        this.background = background;
        session.versionsStampProperty().addListener((o, was, now) -> reload());
    }

    public ObservableList<VersionEntry> rows() {
        return rows;
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Shows {@code lectureId/segmentId}, or nothing when null. */
    public void show(String lectureId, String segmentId) {
        this.segmentRef = lectureId == null || segmentId == null ? null : lectureId + "/" + segmentId;
        this.segmentId = segmentRef == null ? null : segmentId;
        message.set("");
        reload();
    }

    public static boolean canRestore(VersionEntry entry) {
        return entry != null && !entry.current() && entry.status() != VersionStatus.AWAITING_REVIEW;
    }

    /** Versions drawn by a model can be drawn again; an imported or own file has nothing to recall. */
    public static boolean canRecall(VersionEntry entry) {
        return entry != null && entry.version().model() != null && !ModelCatalog.FILE.equals(entry.version().model());
    }

    /**
     * "Use these settings": the version's prompt, model and seed fill the editor as a draft (undoable); nothing is
     * drawn until the author regenerates.
     */
    public void recall(VersionEntry entry) {
        if (segmentId == null || !canRecall(entry)) {
            return;
        }
        ImageVersion v = entry.version();
        String prompt = v.prompt() != null ? v.prompt() : session.store().effectivePrompt(segmentId);
        session.store().recall(segmentId, prompt, v.model(), v.seed());
        message.set("Version " + v.version() + "'s settings are in the editor" + (v.seed() != null ? ", seed " + v.seed() : "")
                + "; Regenerate to draw with them");
    }

    /** Makes {@code entry} current again; the main pane follows on the commit event, like an accept. */
    public void restore(VersionEntry entry) {
        Project p = session.project();
        String ref = segmentRef;
        if (p == null || ref == null || !canRestore(entry)) {
            return;
        }
        int number = entry.version().version();
        background.run(() -> versions.restore(p, ref, number),
                made -> message.set("Version " + number + " restored as version " + made.version()),
                error -> message.set("Could not restore version " + number + ": " + error.getMessage()));
    }

    /** How many versions a prune of this segment would remove; the view asks before {@link #prune}. */
    public long prunable() {
        return rows.stream().filter(e -> e.status().isPrunable()).count();
    }

    /**
     * Removes this segment's prunable versions; then, when compacting the file would give space back, asks
     * {@code offerCompact} with the bytes it would free.
     */
    public void prune(LongConsumer offerCompact) {
        Project p = session.project();
        String ref = segmentRef;
        if (p == null || ref == null) {
            return;
        }
        background.run(() -> new PruneResult(versions.prune(p, ref, false), versions.reclaimableBytes(p)), done -> {
            int n = done.pruned().versions().size();
            message.set("Removed " + n + " version" + (n == 1 ? "" : "s") + ", " + HumanBytes.format(done.pruned().bytesFreed())
                    + " of images");
            if (done.reclaimable() > 0) {
                offerCompact.accept(done.reclaimable());
            }
        }, error -> message.set("Could not prune: " + error.getMessage()));
    }

    /** VACUUM, off the FX thread: the file shrinks to what it holds. */
    public void compact() {
        Project p = session.project();
        if (p == null) {
            return;
        }
        message.set("Compacting the project file…");
        background.run(() -> {
            long before = onDisk(p.info().file());
            versions.compact(p, () -> false);
            return before - onDisk(p.info().file());
        }, freed -> message.set("Compacted: " + HumanBytes.format(Math.max(0, freed)) + " given back to the disk"),
                error -> message.set("Could not compact the file: " + error.getMessage()));
    }

    /** The project file with its write-ahead log: what the project takes on the disk. */
    private static long onDisk(Path file) throws IOException {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }

    private record PruneResult(ImageRepository.Pruned pruned, long reclaimable) {
    }

    private void reload() {
        Project p = session.project();
        String ref = segmentRef;
        int mine = ++loads;
        if (p == null || ref == null) {
            rows.clear();
            return;
        }
        background.run(() -> versions.history(p, ref).versions(), loaded -> {
            if (mine == loads) {
                rows.setAll(loaded);
            }
        }, error -> {
            if (mine == loads) {
                rows.clear();
                message.set("Could not read the history: " + error.getMessage());
            }
        });
    }
}
