package dev.lectern.ui.segment;

import dev.lectern.generation.SettingsResolver;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.store.LectureStore;
import dev.lectern.ui.store.ProjectSession;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The segment editor's state: the selected segment, its draft prompt and model, which model a regeneration
 * would use and why (the rung of seed §5.3), and the segment's active run.
 */
@Singleton
public final class SegmentEditorViewModel {
    public static final String AUTOMATIC = "Automatic";

    private final ProjectSession session;
    private final LectureStore store;
    private final SettingsResolver resolver;
    private final ProvidersConfigStore providers;
    private final Background background;

    private final ObjectProperty<SegmentItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper modelExplanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runState = new ReadOnlyStringWrapper("");
    private final ObservableList<String> modelChoices = FXCollections.observableArrayList(AUTOMATIC, "titlecard");
    private final IntegerProperty candidates = new SimpleIntegerProperty(this, "candidates", 1);
    private ProjectSettings projectSettings = ProjectSettings.EMPTY;
    private Consumer<Throwable> onRefused = error -> { };
    private long explanationRequest;

    @Inject
    public SegmentEditorViewModel(ProjectSession session, SettingsResolver resolver, ProvidersConfigStore providers,
                                  Background background) {
        this.session = session;
        this.store = session.store();
        this.resolver = resolver;
        this.providers = providers;
        this.background = background;
        session.projectProperty().addListener((obs, old, p) -> reloadProjectContext(p));
        selected.addListener((obs, old, now) -> refreshDerived());
        store.drafts().addListener((javafx.collections.MapChangeListener<String, Object>) c -> refreshDerived());
        session.runs().addListener((javafx.collections.ListChangeListener<Run>) c -> refreshDerived());
    }

    public ObjectProperty<SegmentItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty modelExplanationProperty() {
        return modelExplanation.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    public ObservableList<String> modelChoices() {
        return modelChoices;
    }

    public Optional<VideoAsset> committed() {
        SegmentItem item = selected.get();
        return item == null ? Optional.empty() : store.committed(item.video().id());
    }

    public String prompt() {
        SegmentItem item = selected.get();
        return item == null ? "" : store.effectivePrompt(item.video().id());
    }

    public String modelChoice() {
        SegmentItem item = selected.get();
        String m = item == null ? null : store.editorModel(item.video().id());
        return m == null ? AUTOMATIC : m;
    }

    public void editPrompt(String text) {
        SegmentItem item = selected.get();
        if (item != null) {
            store.editPrompt(item.video().id(), text);
        }
    }

    public void chooseModel(String choice) {
        SegmentItem item = selected.get();
        if (item != null) {
            store.editModel(item.video().id(), choice == null || choice.equals(AUTOMATIC) ? null : choice.strip());
        }
    }

    /** How many images the next regeneration draws: the project's {@code image.candidates} until the author changes it. */
    public IntegerProperty candidatesProperty() {
        return candidates;
    }

    public void regenerate() {
        SegmentItem item = selected.get();
        if (item != null) {
            session.regenerate(item.video().id(), candidates.get());
        }
    }

    /** Who tells the author why a file of theirs cannot be used (the view, with a dialog). */
    public void setOnRefused(Consumer<Throwable> handler) {
        onRefused = handler;
    }

    /**
     * The author's own picture for the selected segment: checked, then reviewed like a regeneration; a file that
     * cannot be used goes to the refusal handler with the reason.
     */
    public void useImage(Path file) {
        SegmentItem item = selected.get();
        if (item != null && canEdit()) {
            session.useImage(item.video().id(), file, error -> onRefused.accept(error));
        }
    }

    /** Files dropped on the image: one is taken as the author's own image; several are refused (which one?). */
    public boolean useDropped(List<File> files) {
        if (files.size() != 1 || !canEdit()) {
            return false;
        }
        useImage(files.get(0).toPath());
        return true;
    }

    /** The seed recalled into the draft from a version, or null. */
    public Long recalledSeed() {
        SegmentItem item = selected.get();
        return item == null ? null : store.draft(item.video().id()).seed();
    }

    public void forgetSeed() {
        SegmentItem item = selected.get();
        if (item != null) {
            store.forgetSeed(item.video().id());
        }
    }

    /** The newest run of the selected segment that is not finished, if any. */
    public Optional<Run> activeRun() {
        SegmentItem item = selected.get();
        if (item == null) {
            return Optional.empty();
        }
        return session.runs().stream().filter(r -> r.segmentId().equals(item.video().id()) && r.lectureId().equals(item.lectureId())
                && !r.status().isTerminal()).findFirst();
    }

    private Optional<Run> latestRun() {
        SegmentItem item = selected.get();
        return item == null ? Optional.empty() : session.runs().stream()
                .filter(r -> r.segmentId().equals(item.video().id()) && r.lectureId().equals(item.lectureId())).findFirst();
    }

    public boolean canEdit() {
        Project p = session.project();
        return p != null && !p.info().readOnly() && selected.get() != null;
    }

    /** The configured image servers changed: offer their models. */
    public void refreshChoices() {
        reloadProjectContext(session.project());
    }

    private void reloadProjectContext(Project p) {
        if (p == null) {
            return;
        }
        background.run(() -> new Context(p.settings().load(), configuredModels()), ctx -> {
            useSettings(ctx.settings());
            List<String> choices = new ArrayList<>(List.of(AUTOMATIC, "titlecard"));
            choices.addAll(ctx.models());
            modelChoices.setAll(choices);
            refreshDerived();
        }, e -> modelExplanation.set("Settings could not be read: " + e.getMessage()));
    }

    /** The project's settings changed (the settings dialog saved them). */
    public void settingsChanged(ProjectSettings settings) {
        useSettings(settings);
        refreshDerived();
    }

    private void useSettings(ProjectSettings settings) {
        projectSettings = settings;
        Integer count = settings.image().candidates();
        candidates.set(count == null ? 1 : count);
    }

    private List<String> configuredModels() {
        List<String> out = new ArrayList<>();
        for (ProviderConfig p : providers.list()) {
            p.models().forEach(m -> out.add(p.id() + "/" + m));
        }
        return out;
    }

    private void refreshDerived() {
        Optional<VideoAsset> segment = committed();
        if (segment.isEmpty()) {
            modelExplanation.set("");
            runState.set("");
            return;
        }
        // Resolving reads the providers list from disk: off the FX thread, and only the latest answer is shown.
        long asked = ++explanationRequest;
        ProjectSettings settings = projectSettings;
        VideoAsset committed = segment.get();
        String prompt = prompt();
        String editorModel = store.editorModel(committed.id());
        background.run(() -> {
            try {
                GenerationSettings s = resolver.resolve(settings, committed, prompt, editorModel);
                return "Will use " + s.model() + " — " + s.modelSource().description() + " · " + s.width() + "×" + s.height();
            } catch (RuntimeException e) {
                return e.getMessage();
            }
        }, text -> {
            if (asked == explanationRequest) {
                modelExplanation.set(text);
            }
        }, e -> { });
        runState.set(activeRun().map(r -> r.messages().isEmpty() ? r.status().wireName() : r.messages().get(r.messages().size() - 1).text())
                .or(() -> latestRun().filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.EXPIRED)
                        .map(r -> "Last regeneration " + r.status().wireName() + ": " + r.error()))
                .orElse(""));
    }

    private record Context(ProjectSettings settings, List<String> models) {
    }
}
