package dev.lectern.provider;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Draws images with one provider. Implementations are thread-safe; a call blocks (run it off the FX thread)
 * and ends within the provider's timeout. {@code cancelled} is checked between polls and retries, and the
 * in-flight HTTP call is cut when it turns true; the call then ends with {@link ProviderException.Kind#CANCELLED}.
 */
public interface ImageModelClient {
    /** One image (the request's count is not looked at). */
    GeneratedImage generate(ImageRequest request, BooleanSupplier cancelled) throws ProviderException;

    /**
     * Up to {@code request.count()} images in one call, at least one; a caller that wants more asks again with the
     * rest (the next seeds). Servers that draw a batch in one call (OpenAI's {@code n}, AUTOMATIC1111's
     * {@code batch_size}) override this; the others draw one image per call.
     */
    default List<GeneratedImage> generateBatch(ImageRequest request, BooleanSupplier cancelled) throws ProviderException {
        return List.of(generate(request.single(), cancelled));
    }

    List<String> listModels() throws ProviderException;
}
