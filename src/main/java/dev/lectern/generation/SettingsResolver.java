package dev.lectern.generation;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.GenerationSettings.ModelSource;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ModelRef;
import jakarta.inject.Inject;

/**
 * Seed §5.3: the model is the editor's choice, else the project's video image model, else its image model,
 * else the segment's last model when this user can run it, else the title card. Size comes from the project,
 * else the model's defaults; the project style is applied to the prompt.
 */
public final class SettingsResolver {
    private final ModelCatalog catalog;

    @Inject
    public SettingsResolver(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public GenerationSettings resolve(ProjectSettings project, VideoAsset segment, String requestedPrompt, String requestedModel) {
        return resolve(project, segment, requestedPrompt, requestedModel, null, null);
    }

    /**
     * @param requestedCandidates the editor's count, else the project's {@code image.candidates}, else 1
     * @param requestedSeed       a seed recalled from a version, else null (the run derives one from its id)
     */
    public GenerationSettings resolve(ProjectSettings project, VideoAsset segment, String requestedPrompt, String requestedModel,
                                      Integer requestedCandidates, Long requestedSeed) {
        String prompt = blankToNull(requestedPrompt) != null ? requestedPrompt.strip() : blankToNull(segment.segmentStartImagePrompt());
        if (prompt == null) {
            throw new InvalidInputException("segment " + segment.id() + " has no prompt; write one (or pass --prompt)");
        }
        ModelSource source;
        String model;
        if (blankToNull(requestedModel) != null) {
            source = ModelSource.EDITOR;
            model = requestedModel;
        } else if (project.video().imageModel() != null) {
            source = ModelSource.PROJECT_VIDEO_IMAGE_MODEL;
            model = project.video().imageModel();
        } else if (project.image().model() != null) {
            source = ModelSource.PROJECT_IMAGE_MODEL;
            model = project.image().model();
        } else if (segment.startingImageModel() != null && catalog.isConfigured(segment.startingImageModel())) {
            source = ModelSource.SEGMENT_MODEL;
            model = segment.startingImageModel();
        } else {
            source = ModelSource.DEFAULT;
            model = ModelRef.TITLE_CARD;
        }
        ModelRef ref = ModelRef.parse(model);
        SizeDefaults.Size defaults = SizeDefaults.forModel(ref, catalog.provider(ref));
        ProjectSettings.Image image = project.image();
        int width = image.width() != null ? image.width() : defaults.width();
        int height = image.height() != null ? image.height()
                : image.aspectRatio() != null ? heightFor(width, image.aspectRatio()) : defaults.height();
        String aspect = image.aspectRatio() != null ? image.aspectRatio()
                : image.width() == null && image.height() == null ? defaults.aspectRatio() : reduced(width, height);
        int candidates = requestedCandidates != null ? requestedCandidates : image.candidates() != null ? image.candidates() : 1;
        return new GenerationSettings(ref.toString(), source, prompt, styled(prompt, image.style()), width, height, aspect,
                candidates, requestedSeed);
    }

    static String styled(String prompt, String style) {
        return style == null || style.isBlank() ? prompt : prompt + "\n\nStyle: " + style.strip();
    }

    private static int heightFor(int width, String aspectRatio) {
        String[] parts = aspectRatio.split(":");
        int h = (int) Math.round(width * Double.parseDouble(parts[1]) / Double.parseDouble(parts[0]));
        return Math.max(64, h - h % 8); // image models want sides in multiples of 8
    }

    private static String reduced(int width, int height) {
        int g = gcd(width, height);
        return width / g + ":" + height / g;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
