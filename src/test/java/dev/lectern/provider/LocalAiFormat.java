package dev.lectern.provider;

import java.util.List;
import mockwebserver3.MockWebServer;

/**
 * LocalAI's {@code /v1/images/generations}: the OpenAI shape on a local server, which (as many local servers do)
 * answers with one image whatever {@code n} asked, so a run that wants four must ask again for the rest.
 */
public final class LocalAiFormat extends OpenAiFormat {
    @Override
    public ProviderConfig config(String baseUrl) {
        return ProviderConfig.of("localai", type(), baseUrl, KEY_ENV, List.of("stablediffusion"));
    }

    @Override
    public ImageRequest request() {
        return new ImageRequest("stablediffusion", "a lighthouse at dawn", 512, 512, null, null);
    }

    /** One single-image answer per call. */
    @Override
    public void enqueueCandidates(MockWebServer server, List<byte[]> images) {
        images.forEach(image -> enqueueSuccess(server, image));
    }

    @Override
    public String toString() {
        return "LocalAI";
    }
}
