package dev.lectern.generation;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ProviderException;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Runs an image model for a run's resolved settings: the title card offline, anything else over HTTP. */
@com.google.inject.ImplementedBy(ModelImageGenerator.class)
public interface ImageGenerator {
    /**
     * Up to {@code count} images in one call to the model, at least one, drawn with seeds {@code seed},
     * {@code seed + 1}, ... where the model takes seeds. The workflow asks again for the rest.
     */
    List<GeneratedImage> generate(GenerationSettings settings, long seed, int count, String paletteKey, BooleanSupplier cancelled)
            throws ProviderException;
}
