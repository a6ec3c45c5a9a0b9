package dev.lectern.generation;

import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderConfig;
import java.util.Optional;

/**
 * The size a model is asked for when the project sets none (the seed's DEFAULT_IMAGE_GENERATION_DEFAULTS):
 * sizes each server family accepts, 16:9 where it can, because starting images open a video.
 */
final class SizeDefaults {
    record Size(int width, int height, String aspectRatio) {
    }

    static final Size TITLE_CARD = new Size(1280, 720, "16:9");
    static final Size GPT_IMAGE = new Size(1536, 1024, "3:2");
    static final Size DALL_E_3 = new Size(1792, 1024, "7:4");
    static final Size DALL_E_2 = new Size(1024, 1024, "1:1");
    static final Size OPENAI_COMPATIBLE = new Size(1024, 576, "16:9");
    static final Size STABLE_DIFFUSION = new Size(1024, 576, "16:9");

    private SizeDefaults() {
    }

    static Size forModel(ModelRef ref, Optional<ProviderConfig> provider) {
        if (ref.isTitleCard()) {
            return TITLE_CARD;
        }
        String model = ref.model();
        if (model.startsWith("gpt-image")) {
            return GPT_IMAGE;
        }
        if (model.equals("dall-e-3")) {
            return DALL_E_3;
        }
        if (model.equals("dall-e-2")) {
            return DALL_E_2;
        }
        return provider.map(p -> p.type() == ProviderConfig.Type.OPENAI ? OPENAI_COMPATIBLE : STABLE_DIFFUSION)
                .orElse(STABLE_DIFFUSION);
    }
}
