package dev.lectern.ui.history;

import dev.lectern.generation.VersionService;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VersionStatus;
import dev.lectern.storage.Project;
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
        segmentRef = lectureId == null || segmentId == null ? null : lectureId + "/" + segmentId;
        message.set("");
        reload();
    }

    public static boolean canRestore(VersionEntry entry) {
        return entry != null && !entry.current() && entry.status() != VersionStatus.AWAITING_REVIEW;
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

    public void prune() {
        Project p = session.project();
        String ref = segmentRef;
        if (p == null || ref == null) {
            return;
        }
        background.run(() -> versions.prune(p, ref, false), pruned -> message.set("Removed " + pruned.versions().size()
                + " version" + (pruned.versions().size() == 1 ? "" : "s") + ", " + pruned.bytesFreed() / 1024 + " KiB of images"),
                error -> message.set("Could not prune: " + error.getMessage()));
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
