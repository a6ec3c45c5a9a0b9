package dev.lectern.ui.settings;

import dev.lectern.generation.SettingsResolver;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The project settings being edited: one {@link SettingField} per key, the model choices, and their effect. */
public final class ProjectSettingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectSettingsViewModel.class);
    /** A segment without a model of its own, so the line shows what the project settings decide. */
    static final VideoAsset EXAMPLE_SEGMENT =
            new VideoAsset("example", "Example", 0, null, null, null, "An example prompt", null, null, Map.of());

    private final SettingsResolver resolver;
    private final ProvidersConfigStore providers;
    private final Background background;

    private final SettingField imageModel = new SettingField(ProjectSettings.IMAGE_MODEL);
    private final SettingField videoImageModel = new SettingField(ProjectSettings.VIDEO_IMAGE_MODEL);
    private final SettingField width = new SettingField(ProjectSettings.IMAGE_WIDTH);
    private final SettingField height = new SettingField(ProjectSettings.IMAGE_HEIGHT);
    private final SettingField aspectRatio = new SettingField(ProjectSettings.IMAGE_ASPECT_RATIO);
    private final SettingField style = new SettingField(ProjectSettings.IMAGE_STYLE);
    private final SettingField candidates = new SettingField(ProjectSettings.IMAGE_CANDIDATES);
    private final SettingField archiveAfterDays = new SettingField(ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS);
    private final List<SettingField> fields =
            List.of(imageModel, videoImageModel, width, height, aspectRatio, style, candidates, archiveAfterDays);

    private final ObservableList<String> modelChoices = FXCollections.observableArrayList(ModelRef.TITLE_CARD);
    private final BooleanBinding valid;
    private final ReadOnlyStringWrapper effect = new ReadOnlyStringWrapper(this, "effect", "");
    private final ReadOnlyBooleanWrapper effectIsProblem = new ReadOnlyBooleanWrapper(this, "effectIsProblem");
    private ProjectSettings original = ProjectSettings.EMPTY;
    /** Only the newest effect computation may update the line; older ones finish late and are dropped. */
    private long effectGeneration;

    @Inject
    public ProjectSettingsViewModel(SettingsResolver resolver, ProvidersConfigStore providers, Background background) {
        this.resolver = resolver;
        this.providers = providers;
        this.background = background;
        Observable[] errors = fields.stream().map(SettingField::errorProperty).toArray(Observable[]::new);
        valid = Bindings.createBooleanBinding(() -> fields.stream().allMatch(f -> f.errorProperty().get() == null), errors);
        fields.forEach(f -> f.textProperty().addListener((o, was, now) -> updateEffect()));
    }

    /** Shows these settings and starts loading the configured providers' models. Call once, on the FX thread. */
    public void start(ProjectSettings current) {
        original = current;
        fields.forEach(f -> f.textProperty().set(current.get(f.key()) == null ? "" : current.get(f.key())));
        background.run(this::configuredModels, models -> modelChoices.setAll(models), error -> {
            LOG.warn("the providers list could not be read for the model choices: {}", error.getMessage());
        });
        updateEffect();
    }

    /** The edited settings; call only while {@link #validBinding()} is true. */
    public ProjectSettings result() {
        ProjectSettings s = original;
        for (SettingField f : fields) {
            s = f.applyTo(s);
        }
        return s;
    }

    private List<String> configuredModels() {
        List<String> models = new ArrayList<>();
        models.add(ModelRef.TITLE_CARD);
        for (ProviderConfig p : providers.list()) {
            p.models().forEach(m -> models.add(p.id() + "/" + m));
        }
        return models;
    }

    /** The resolver reads the providers list (size defaults), so it runs off the FX thread. */
    private void updateEffect() {
        ProjectSettings draft = draftIgnoringInvalidFields();
        long generation = ++effectGeneration;
        background.run(() -> resolver.resolve(draft, EXAMPLE_SEGMENT, null, null), resolved -> {
            if (generation == effectGeneration) {
                effect.set(describe(resolved));
                effectIsProblem.set(false);
            }
        }, error -> {
            if (generation == effectGeneration) {
                effect.set(error instanceof InvalidInputException ? "Regenerations will fail: " + error.getMessage()
                        : "Regenerations: the effect could not be worked out (" + error.getMessage() + ")");
                effectIsProblem.set(true);
            }
        });
    }

    static String describe(GenerationSettings s) {
        return "Regenerations will use: " + s.model() + " (" + s.modelSource().description() + "), "
                + s.width() + "×" + s.height();
    }

    private ProjectSettings draftIgnoringInvalidFields() {
        ProjectSettings s = original;
        for (SettingField f : fields) {
            if (f.errorProperty().get() == null) {
                s = f.applyTo(s);
            }
        }
        return s;
    }

    public SettingField imageModel() {
        return imageModel;
    }

    public SettingField videoImageModel() {
        return videoImageModel;
    }

    public SettingField width() {
        return width;
    }

    public SettingField height() {
        return height;
    }

    public SettingField aspectRatio() {
        return aspectRatio;
    }

    public SettingField style() {
        return style;
    }

    /** {@code image.candidates}: how many images a regeneration draws when the editor does not say. */
    public SettingField candidates() {
        return candidates;
    }

    /** {@code runs.archiveAfterDays}: finished runs older than this many days leave the runs panel (empty: never). */
    public SettingField archiveAfterDays() {
        return archiveAfterDays;
    }

    /** {@code titlecard} and every PROVIDER/MODEL of the configured providers. */
    public ObservableList<String> modelChoices() {
        return modelChoices;
    }

    public BooleanBinding validBinding() {
        return valid;
    }

    /** "Regenerations will use: MODEL (RUNG), W×H" for a segment without a model of its own. */
    public ReadOnlyStringProperty effectProperty() {
        return effect.getReadOnlyProperty();
    }

    /** True when regenerations with these settings would fail (a model without a provider). */
    public ReadOnlyBooleanProperty effectIsProblemProperty() {
        return effectIsProblem.getReadOnlyProperty();
    }
}
