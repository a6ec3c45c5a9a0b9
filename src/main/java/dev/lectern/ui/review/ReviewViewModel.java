package dev.lectern.ui.review;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.common.HumanTime;
import dev.lectern.ui.main.ThumbnailLoader;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The review dialog's state: both images (loaded off the FX thread), their captions, the shared zoom/pan and
 * the compare slider. It never answers the run itself; it hands the author's choice to the caller, once.
 */
public final class ReviewViewModel {
    /** Large enough to judge detail, small enough to keep in the memory cache. */
    static final int RENDITION_EDGE = 2048;

    private final ThumbnailLoader images;
    private final Background background;
    private final HumanTime time;
    private final ImageSide committed = new ImageSide();
    private final ImageSide preview = new ImageSide();
    private final LinkedViewport viewport = new LinkedViewport();
    private final BooleanProperty comparing = new SimpleBooleanProperty(this, "comparing");
    private final DoubleProperty compareSplit = new SimpleDoubleProperty(this, "compareSplit", 0.5);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Review the new starting image");
    private final BooleanBinding canAccept = preview.imageProperty().isNotNull();
    private Consumer<ReviewChoice> onChoice = choice -> { };
    private IntConsumer onDiscard = index -> { };
    /** The run's candidates not yet discarded, and which one the new side shows. */
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected");
    /** Images of this run's batch waiting for review, this one included; 0 for a run of no batch (or not known yet). */
    private final IntegerProperty batchWaiting = new SimpleIntegerProperty(this, "batchWaiting");
    private final BooleanBinding answerAllOffered = batchWaiting.greaterThan(1);
    private final BooleanBinding severalCandidates = Bindings.size(candidates).greaterThan(1);
    private final StringBinding candidateText = Bindings.createStringBinding(() -> candidates.size() < 2 ? ""
            : "Image " + (selected.get() + 1) + " of " + candidates.size(), candidates, selected);
    private Project project;
    private GenerationSettings settings;
    /** Counts candidates shown on the new side, so a slow load of the one before never replaces the one chosen. */
    private int previewShown;
    private boolean decided;
    /** Counts reviews shown: a dialog is reused, and an image still loading for its last review must not appear. */
    private int shown;

    @Inject
    public ReviewViewModel(ThumbnailLoader images, Background background, HumanTime time) {
        this.images = images;
        this.background = background;
        this.time = time;
    }

    public ImageSide committed() {
        return committed;
    }

    public ImageSide preview() {
        return preview;
    }

    public LinkedViewport viewport() {
        return viewport;
    }

    /** True: one frame with a divider instead of two panes side by side. */
    public BooleanProperty comparingProperty() {
        return comparing;
    }

    /** Where the divider is in compare mode, 0..1 from the left: committed left of it, preview right of it. */
    public DoubleProperty compareSplitProperty() {
        return compareSplit;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Accepting a picture nobody could see is not a review: only once the preview has loaded. */
    public BooleanBinding canAcceptProperty() {
        return canAccept;
    }

    public void setOnChoice(Consumer<ReviewChoice> handler) {
        onChoice = handler;
    }

    /** Told the index of each candidate the author discards; the review stays open. */
    public void setOnDiscard(IntConsumer handler) {
        onDiscard = handler;
    }

    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    public ReadOnlyIntegerProperty selectedProperty() {
        return selected;
    }

    /** True when the run brought more than one image to choose from: the candidate bar shows. */
    public BooleanBinding severalCandidatesProperty() {
        return severalCandidates;
    }

    /** "Image 2 of 4", or empty for a run with one image. */
    public StringBinding candidateTextProperty() {
        return candidateText;
    }

    /** A small picture of {@code c} for the candidate strip; {@code shown} is called on the FX thread, if it loads. */
    public void thumbnail(Candidate c, int edge, Consumer<Image> shown) {
        Project p = project;
        if (p != null) {
            images.load(p, c.imageKey(), c.version(), edge, shown, error -> { });
        }
    }

    /** Images of the run's batch waiting for review, this one included (learnt after the review opened). */
    public ReadOnlyIntegerProperty batchWaitingProperty() {
        return batchWaiting;
    }

    public void setBatchWaiting(int waiting) {
        batchWaiting.set(waiting);
    }

    /** True when the run is one of several in its batch waiting: Accept All / Reject All show. */
    public BooleanBinding answerAllOfferedProperty() {
        return answerAllOffered;
    }

    /** The candidate an Accept now takes; null for a run stored before candidates. */
    public Integer selectedCandidate() {
        return candidates.isEmpty() ? null : candidates.get(selected.get()).index();
    }

    public void next() {
        select(selected.get() + 1);
    }

    public void previous() {
        select(selected.get() - 1);
    }

    public void select(int position) {
        if (decided || position < 0 || position >= candidates.size() || position == selected.get()) {
            return;
        }
        selected.set(position);
        showCandidate();
    }

    /** Delete: throws the shown candidate away and shows the next; discarding the last one left is a reject. */
    public void discardSelected() {
        if (decided || candidates.isEmpty()) {
            return;
        }
        if (candidates.size() == 1) {
            choose(ReviewChoice.REJECT);
            return;
        }
        Candidate gone = candidates.remove(selected.get());
        if (selected.get() >= candidates.size()) {
            selected.set(candidates.size() - 1);
        }
        onDiscard.accept(gone.index());
        showCandidate();
    }

    /** Hands the choice to the caller; a second choice (a double click) is ignored. */
    public boolean choose(ReviewChoice choice) {
        if (decided || (choice == ReviewChoice.ACCEPT && !canAccept.get())) {
            return false;
        }
        decided = true;
        onChoice.accept(choice);
        return true;
    }

    /**
     * Starts a review: state left from a previous one is reset, both sides start loading, and captions known
     * from the run and the segment are shown at once.
     */
    public void load(ReviewRequest request) {
        clear();
        decided = false;
        batchWaiting.set(0);
        comparing.set(false);
        compareSplit.set(0.5);
        viewport.fit();
        Project project = request.project();
        Run run = request.run();
        VideoAsset segment = request.committedSegment();
        String name = segment.title() != null && !segment.title().isBlank() ? segment.title() : segment.id();
        title.set("Review the new starting image for “" + name + "”");

        this.project = project;
        this.settings = run.settings();
        candidates.setAll(run.liveCandidates());
        selected.set(0);
        GenerationSettings s = run.settings();
        if (candidates.isEmpty()) {
            PreviewImage p = run.preview();
            preview.captions(s != null ? s.prompt() : run.requestedPrompt(), s != null ? s.model() : run.requestedModel(), p.width(), p.height());
            int mine = ++previewShown;
            loadSide(project, preview, p.startingImageId(), p.version(), "The new image",
                    v -> preview.captions(s != null ? s.prompt() : v.prompt(), s != null ? s.model() : v.model(), v.width(), v.height()),
                    () -> mine == previewShown);
        } else {
            showCandidate();
        }

        committed.captions(segment.segmentStartImagePrompt(), segment.startingImageModel(), 0, 0);
        String key = segment.imageKey();
        if (key == null || segment.imageVersion() == null) {
            committed.failed("This segment has no starting image yet.");
            committed.created("never");
            return;
        }
        // The segment's prompt is the author's words; the version's prompt is the styled one sent to the model.
        loadSide(project, committed, key, segment.imageVersion(), "The current image",
                v -> committed.captions(Optional.ofNullable(segment.segmentStartImagePrompt()).orElse(v.prompt()),
                        v.model() != null ? v.model() : segment.startingImageModel(), v.width(), v.height()), () -> true);
    }

    private void showCandidate() {
        Candidate c = candidates.get(selected.get());
        GenerationSettings s = settings;
        preview.clear();
        preview.captions(s != null ? s.prompt() : null, s != null ? s.model() : null, c.width(), c.height());
        int mine = ++previewShown;
        loadSide(project, preview, c.imageKey(), c.version(), "The new image",
                v -> preview.captions(s != null ? s.prompt() : v.prompt(), s != null ? s.model() : v.model(), v.width(), v.height()),
                () -> mine == previewShown);
    }

    /** Empties both sides; a load still running for them is ignored when it ends. */
    public void clear() {
        shown++;
        committed.clear();
        preview.clear();
    }

    private void loadSide(Project project, ImageSide side, String key, int version, String what, Consumer<ImageVersion> describe,
                          BooleanSupplier stillShown) {
        side.loading();
        int shownReview = shown;
        BooleanSupplier current = () -> shownReview == shown && stillShown.getAsBoolean();
        background.run(() -> project.images().find(key, version), found -> {
            if (!current.getAsBoolean()) {
                return;
            }
            if (found.isPresent()) {
                describe.accept(found.get());
                side.created(time.format(found.get().createdAt()));
            } else {
                side.created("unknown");
            }
        }, error -> {
            if (current.getAsBoolean()) {
                side.created("unknown");
            }
        });
        images.load(project, key, version, RENDITION_EDGE, picture -> {
            if (current.getAsBoolean()) {
                side.loaded(picture);
            }
        }, error -> {
            if (current.getAsBoolean()) {
                side.failed(what + " could not be loaded: " + readable(error));
            }
        });
    }

    private static String readable(Throwable error) {
        String m = error.getMessage();
        return m == null || m.isBlank() ? error.getClass().getSimpleName() : m;
    }

    /** For the view's zoom label: "Fit" or "2.4×". */
    public StringBinding zoomText() {
        return Bindings.createStringBinding(() -> viewport.zoom() <= 1.0001 ? "Fit"
                : String.format(Locale.ROOT, "%.1f×", viewport.zoom()), viewport.zoomProperty());
    }
}
