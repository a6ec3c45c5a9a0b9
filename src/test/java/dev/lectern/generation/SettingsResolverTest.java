package dev.lectern.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.GenerationSettings.ModelSource;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seed §5.3, rung by rung: editor > video.imageModel > image.model > the segment's model (if runnable) > titlecard. */
class SettingsResolverTest {
    @TempDir
    Path config;
    SettingsResolver resolver;

    @BeforeEach
    void setUp() {
        ProvidersConfigStore store = new ProvidersConfigStore(config.resolve("providers.json"));
        store.add(ProviderConfig.of("local-sd", ProviderConfig.Type.AUTOMATIC1111, "http://127.0.0.1:7860", null, List.of("sdxl")), false);
        store.add(ProviderConfig.of("openai", ProviderConfig.Type.OPENAI, "https://api.openai.com", "OPENAI_API_KEY", List.of()), false);
        store.add(ProviderConfig.of("localai", ProviderConfig.Type.OPENAI, "http://localhost:8080", null, List.of()), false);
        resolver = new SettingsResolver(new ModelCatalog(store));
    }

    static Stream<Arguments> modelRungs() {
        return Stream.of(
                // editor, video.imageModel, image.model, segment's model -> model, rung
                Arguments.of("openai/gpt-image-1", "local-sd/sdxl", "titlecard", "local-sd/sdxl", "openai/gpt-image-1", ModelSource.EDITOR),
                Arguments.of(null, "local-sd/sdxl", "openai/dall-e-3", "openai/gpt-image-1", "local-sd/sdxl", ModelSource.PROJECT_VIDEO_IMAGE_MODEL),
                Arguments.of(null, null, "openai/dall-e-3", "local-sd/sdxl", "openai/dall-e-3", ModelSource.PROJECT_IMAGE_MODEL),
                Arguments.of(null, null, null, "local-sd/sdxl", "local-sd/sdxl", ModelSource.SEGMENT_MODEL),
                Arguments.of(null, null, null, "openai/gpt-image-1", "openai/gpt-image-1", ModelSource.SEGMENT_MODEL),
                Arguments.of(null, null, null, "local-sd/not-installed", "titlecard", ModelSource.DEFAULT),
                Arguments.of(null, null, null, "webapp-cloud/flux-pro", "titlecard", ModelSource.DEFAULT),
                Arguments.of(null, null, null, "no slash at all", "titlecard", ModelSource.DEFAULT),
                Arguments.of(null, null, null, null, "titlecard", ModelSource.DEFAULT),
                Arguments.of("  ", null, "titlecard", null, "titlecard", ModelSource.PROJECT_IMAGE_MODEL));
    }

    @ParameterizedTest(name = "[{index}] -> {4} from {5}")
    @MethodSource("modelRungs")
    void theModelComesFromTheHighestRungThatIsSet(String editor, String videoModel, String imageModel, String segmentModel,
                                                  String expected, ModelSource rung) {
        ProjectSettings project = ProjectSettings.EMPTY.with(ProjectSettings.VIDEO_IMAGE_MODEL, videoModel)
                .with(ProjectSettings.IMAGE_MODEL, imageModel);
        GenerationSettings s = resolver.resolve(project, segment("a prompt", segmentModel), null, editor);
        assertThat(s.model()).isEqualTo(expected);
        assertThat(s.modelSource()).isEqualTo(rung);
    }

    static Stream<Arguments> sizes() {
        return Stream.of(
                // project width, height, aspect; model -> width, height, aspect
                Arguments.of(null, null, null, "titlecard", 1280, 720, "16:9"),
                Arguments.of(null, null, null, "openai/gpt-image-1", 1536, 1024, "3:2"),
                Arguments.of(null, null, null, "openai/dall-e-3", 1792, 1024, "7:4"),
                Arguments.of(null, null, null, "local-sd/sdxl", 1024, 576, "16:9"),
                Arguments.of(null, null, null, "localai/stablediffusion", 1024, 576, "16:9"),
                Arguments.of("768", "512", null, "local-sd/sdxl", 768, 512, "3:2"),
                Arguments.of("1024", null, "4:3", "local-sd/sdxl", 1024, 768, "4:3"),
                Arguments.of("1000", null, "16:9", "titlecard", 1000, 560, "16:9"),
                Arguments.of(null, "900", null, "titlecard", 1280, 900, "64:45"));
    }

    @ParameterizedTest(name = "[{index}] {3} -> {4}x{5}")
    @MethodSource("sizes")
    void theSizeComesFromTheProjectElseTheModelsDefaults(String width, String height, String aspect, String model,
                                                         int w, int h, String a) {
        ProjectSettings project = ProjectSettings.fromMap(Map.of()).with(ProjectSettings.IMAGE_WIDTH, width)
                .with(ProjectSettings.IMAGE_HEIGHT, height).with(ProjectSettings.IMAGE_ASPECT_RATIO, aspect);
        GenerationSettings s = resolver.resolve(project, segment("p", null), null, model);
        assertThat(List.of(s.width(), s.height())).containsExactly(w, h);
        assertThat(s.aspectRatio()).isEqualTo(a);
    }

    @Test
    void theStyleIsAppliedToThePromptTheModelGetsButNotToTheSavedPrompt() {
        ProjectSettings project = ProjectSettings.EMPTY.with(ProjectSettings.IMAGE_STYLE, "soft watercolour, pastel");
        GenerationSettings s = resolver.resolve(project, segment("a heron", null), null, null);
        assertThat(s.prompt()).isEqualTo("a heron");
        assertThat(s.styledPrompt()).isEqualTo("a heron\n\nStyle: soft watercolour, pastel");
        assertThat(resolver.resolve(ProjectSettings.EMPTY, segment("a heron", null), null, null).styledPrompt()).isEqualTo("a heron");
    }

    @Test
    void theEditorsPromptWinsAndAMissingPromptIsRefused() {
        assertThat(resolver.resolve(ProjectSettings.EMPTY, segment("old", null), "  new prompt ", null).prompt()).isEqualTo("new prompt");
        assertThat(resolver.resolve(ProjectSettings.EMPTY, segment("old", null), " ", null).prompt()).isEqualTo("old");
        assertThatThrownBy(() -> resolver.resolve(ProjectSettings.EMPTY, segment(null, null), null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no prompt");
        assertThatThrownBy(() -> resolver.resolve(ProjectSettings.EMPTY, segment("p", null), null, "gpt-image-1"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no provider");
    }

    private static VideoAsset segment(String prompt, String model) {
        return new VideoAsset("seg-1", "One", 0, null, "video-img-r-seg-1", model, prompt, null, 1, Map.of());
    }
}
