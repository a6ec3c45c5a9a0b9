package dev.lectern.ui.store;

import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.SegmentDraft;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.main.SegmentItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The seed's lecture-editor-provider, observable and FX-thread only. It holds the committed lecture (what the
 * project file says) and the author's drafts on top of it. The committed side changes in exactly two ways:
 * {@link #applyAssetUpdate} (the accepted prompt and model, at once) and {@link #refreshLecture} (a reload,
 * called only on the completion event: {@code refreshOnAccept} off, {@code refreshOnComplete} on). Drafts are
 * saved as they are typed, so closing the window or a crash loses nothing.
 */
@Singleton
public final class LectureStore {
    /** Typing into one segment within this window is one undo step. */
    static final long COALESCE_MILLIS = 1500;

    private final Background background;
    private final ObservableList<SegmentItem> segments = FXCollections.observableArrayList();
    private final ObservableMap<String, SegmentDraft> drafts = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<Lecture> lecture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper hasDrafts = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper("");
    private final Deque<DraftEdit> undo = new ArrayDeque<>();
    private final Deque<DraftEdit> redo = new ArrayDeque<>();
    private Project project;
    private boolean saving;
    private boolean savePending;
    private long loadGeneration;

    @Inject
    public LectureStore(Background background) {
        this.background = background;
    }

    public ObservableList<SegmentItem> segments() {
        return segments;
    }

    public ObservableMap<String, SegmentDraft> drafts() {
        return drafts;
    }

    public ReadOnlyObjectProperty<Lecture> lectureProperty() {
        return lecture.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True while some segment has edits that no accepted regeneration has committed yet. */
    public ReadOnlyBooleanProperty hasDraftsProperty() {
        return hasDrafts.getReadOnlyProperty();
    }

    /** "● saving…" while edits are being written, "saved" once they are on disk, or what went wrong. */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    public Project project() {
        return project;
    }

    /** Shows {@code loaded} (read off the FX thread by the caller) and its saved drafts. */
    public void show(Project source, Lecture loaded, Map<String, SegmentDraft> savedDrafts) {
        project = source;
        loadGeneration++;
        undo.clear();
        redo.clear();
        setCommitted(loaded);
        drafts.clear();
        savedDrafts.forEach((id, d) -> loaded.video(id).map(d::against).filter(x -> !x.isEmpty()).ifPresent(x -> drafts.put(id, x)));
        saveState.set(drafts.isEmpty() ? "" : "Drafts restored");
        updateFlags();
    }

    public void clear() {
        project = null;
        loadGeneration++;
        segments.clear();
        drafts.clear();
        lecture.set(null);
        undo.clear();
        redo.clear();
        saveState.set("");
        updateFlags();
    }

    public Optional<VideoAsset> committed(String segmentId) {
        Lecture l = lecture.get();
        return l == null ? Optional.empty() : l.video(segmentId);
    }

    public SegmentDraft draft(String segmentId) {
        return drafts.getOrDefault(segmentId, SegmentDraft.NONE);
    }

    /** The prompt the editor shows: the draft if there is one, else the committed prompt. */
    public String effectivePrompt(String segmentId) {
        SegmentDraft d = draft(segmentId);
        return d.prompt() != null ? d.prompt() : committed(segmentId).map(VideoAsset::segmentStartImagePrompt).orElse("");
    }

    /** The model chosen in the editor, or null for "automatic" (the priority chain decides). */
    public String editorModel(String segmentId) {
        return draft(segmentId).model();
    }

    public void editPrompt(String segmentId, String text) {
        edit(segmentId, draft(segmentId).withPrompt(text));
    }

    /** {@code model} null or blank: back to automatic. */
    public void editModel(String segmentId, String model) {
        edit(segmentId, draft(segmentId).withModel(model == null || model.isBlank() ? null : model));
    }

    /** "Use these settings" on a version: its prompt, model and seed become the draft, as one undo step. */
    public void recall(String segmentId, String prompt, String model, Long seed) {
        edit(segmentId, new SegmentDraft(prompt == null ? "" : prompt, model, seed), false);
    }

    /** Forgets a recalled seed: the next regeneration draws fresh ones. Undoable. */
    public void forgetSeed(String segmentId) {
        edit(segmentId, draft(segmentId).withSeed(null), false);
    }

    public void undo() {
        DraftEdit e = undo.poll();
        if (e != null) {
            put(e.segmentId(), e.before());
            redo.push(e);
            updateFlags();
            save();
        }
    }

    public void redo() {
        DraftEdit e = redo.poll();
        if (e != null) {
            put(e.segmentId(), e.after());
            undo.push(e);
            updateFlags();
            save();
        }
    }

    /**
     * The seed's {@code applyAssetUpdate} on accept: the segment shows the accepted prompt and model at once;
     * its image stays the committed one until {@link #refreshLecture} runs on the completion event.
     */
    public void applyAssetUpdate(String segmentId, String prompt, String model) {
        Lecture l = lecture.get();
        if (l == null || l.video(segmentId).isEmpty()) {
            return;
        }
        VideoAsset v = l.video(segmentId).orElseThrow();
        VideoAsset updated = new VideoAsset(v.id(), v.title(), v.position(), v.videoPath(), v.startingImageId(), model,
                prompt, v.startingImageUrl(), v.imageVersion(), v.extra());
        setCommitted(l.withVideo(updated));
        if (draft(segmentId).seed() != null) {
            put(segmentId, draft(segmentId).withSeed(null)); // a recalled seed served the image just accepted
            save();
        }
        dropDraftsMatchingCommitted();
    }

    /** Reloads the committed lecture from the project file (off the FX thread); the completion event's handler. */
    public void refreshLecture(Consumer<Throwable> onError) {
        Lecture l = lecture.get();
        Project p = project;
        if (l == null || p == null) {
            return;
        }
        long generation = loadGeneration;
        background.run(() -> p.lectures().load(l.id()).orElseThrow(), fresh -> {
            if (generation == loadGeneration) {
                setCommitted(fresh);
                dropDraftsMatchingCommitted();
            }
        }, onError);
    }

    /** Writes pending drafts now (window closing). Blocks: call it when nothing else will run on the FX thread. */
    public void flush() {
        Lecture l = lecture.get();
        if (project != null && l != null && !project.info().readOnly()) {
            project.drafts().saveAll(l.id(), new HashMap<>(drafts));
        }
    }

    private void edit(String segmentId, SegmentDraft next) {
        edit(segmentId, next, true);
    }

    /** @param coalesce whether typing into the same field just before may absorb this change into its undo step */
    private void edit(String segmentId, SegmentDraft next, boolean coalesce) {
        VideoAsset committed = committed(segmentId).orElse(null);
        if (committed == null) {
            return;
        }
        SegmentDraft normalised = next.against(committed);
        SegmentDraft before = draft(segmentId);
        if (normalised.equals(before)) {
            return;
        }
        long now = System.currentTimeMillis();
        DraftEdit last = undo.peek();
        if (coalesce && last != null && last.segmentId().equals(segmentId) && now - last.atMillis() < COALESCE_MILLIS
                && sameField(last, before, normalised)) {
            undo.pop();
            undo.push(new DraftEdit(segmentId, last.before(), normalised, now));
        } else {
            undo.push(new DraftEdit(segmentId, before, normalised, now));
        }
        redo.clear();
        put(segmentId, normalised);
        updateFlags();
        save();
    }

    private static boolean sameField(DraftEdit last, SegmentDraft before, SegmentDraft next) {
        boolean promptEdit = !java.util.Objects.equals(before.prompt(), next.prompt());
        boolean lastWasPrompt = !java.util.Objects.equals(last.before().prompt(), last.after().prompt());
        return promptEdit && lastWasPrompt;
    }

    private void put(String segmentId, SegmentDraft d) {
        if (d.isEmpty()) {
            drafts.remove(segmentId);
        } else {
            drafts.put(segmentId, d);
        }
    }

    /** One save in flight at a time; edits made meanwhile are saved right after it, latest state only. */
    private void save() {
        Lecture l = lecture.get();
        if (project == null || l == null || project.info().readOnly()) {
            return;
        }
        if (saving) {
            savePending = true;
            return;
        }
        saving = true;
        saveState.set("● saving…");
        Project p = project;
        Map<String, SegmentDraft> snapshot = new LinkedHashMap<>(drafts);
        background.run(() -> {
            p.drafts().saveAll(l.id(), snapshot);
            return null;
        }, ok -> afterSave("saved"), error -> afterSave("Edits could not be saved: " + error.getMessage()));
    }

    private void afterSave(String state) {
        saving = false;
        saveState.set(state);
        if (savePending) {
            savePending = false;
            save();
        }
    }

    /** Replaces only the rows that changed, so a reload after one accept re-renders one row, not five hundred. */
    private void setCommitted(Lecture l) {
        lecture.set(l);
        java.util.List<SegmentItem> next = l.videos().stream().map(v -> new SegmentItem(l.id(), v)).toList();
        boolean sameRows = next.size() == segments.size();
        for (int i = 0; sameRows && i < next.size(); i++) {
            sameRows = next.get(i).video().id().equals(segments.get(i).video().id()) && next.get(i).lectureId().equals(segments.get(i).lectureId());
        }
        if (!sameRows) {
            segments.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).equals(segments.get(i))) {
                segments.set(i, next.get(i));
            }
        }
    }

    private void dropDraftsMatchingCommitted() {
        boolean changed = false;
        for (String id : java.util.List.copyOf(drafts.keySet())) {
            SegmentDraft remaining = committed(id).map(drafts.get(id)::against).orElse(SegmentDraft.NONE);
            if (!remaining.equals(drafts.get(id))) {
                put(id, remaining);
                changed = true;
            }
        }
        updateFlags();
        if (changed) {
            save();
        }
    }

    private void updateFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        hasDrafts.set(!drafts.isEmpty());
    }
}
