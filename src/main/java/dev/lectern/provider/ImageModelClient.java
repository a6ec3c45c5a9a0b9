package dev.lectern.provider;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Draws images with one provider. Implementations are thread-safe; a call blocks (run it off the FX thread)
 * and ends within the provider's timeout. {@code cancelled} is checked between polls and retries, and the
 * in-flight HTTP call is cut when it turns true; the call then ends with {@link ProviderException.Kind#CANCELLED}.
 */
public interface ImageModelClient {
    GeneratedImage generate(ImageRequest request, BooleanSupplier cancelled) throws ProviderException;

    List<String> listModels() throws ProviderException;
}
