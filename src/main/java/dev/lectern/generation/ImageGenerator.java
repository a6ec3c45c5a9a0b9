package dev.lectern.generation;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ProviderException;
import java.util.function.BooleanSupplier;

@com.google.inject.ImplementedBy(ModelImageGenerator.class)
/** Runs an image model for a run's resolved settings: the title card offline, anything else over HTTP. */
public interface ImageGenerator {
    GeneratedImage generate(GenerationSettings settings, long seed, String paletteKey, BooleanSupplier cancelled)
            throws ProviderException;
}
