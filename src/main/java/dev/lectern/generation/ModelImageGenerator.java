package dev.lectern.generation;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.provider.GeneratedImage;
import dev.lectern.provider.ImageRequest;
import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderClients;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProviderException;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.provider.titlecard.TitleCardSpec;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** The one {@link ImageGenerator}: dispatches a model reference to the title card or its provider's client. */
public final class ModelImageGenerator implements ImageGenerator {
    private final ModelCatalog catalog;
    private final ProviderClients clients;
    private final TitleCardRenderer titleCards;

    @Inject
    public ModelImageGenerator(ModelCatalog catalog, ProviderClients clients, TitleCardRenderer titleCards) {
        this.catalog = catalog;
        this.clients = clients;
        this.titleCards = titleCards;
    }

    @Override
    public List<GeneratedImage> generate(GenerationSettings settings, long seed, int count, String paletteKey, BooleanSupplier cancelled)
            throws ProviderException {
        ModelRef ref = ModelRef.parse(settings.model());
        if (ref.isTitleCard()) {
            int width = Math.min(settings.width(), 4096);
            int height = Math.min(settings.height(), 4096);
            List<GeneratedImage> cards = new ArrayList<>();
            for (int i = 0; i < count && !cancelled.getAsBoolean(); i++) {
                byte[] png = titleCards.render(new TitleCardSpec(settings.styledPrompt(), width, height, seed + i, paletteKey));
                cards.add(new GeneratedImage(ImageContent.inspected(png), seed + i, ModelRef.TITLE_CARD));
            }
            if (cards.isEmpty()) {
                throw ProviderException.cancelled();
            }
            return cards;
        }
        ProviderConfig provider = catalog.provider(ref).orElseThrow(() -> new InvalidInputException(
                "the image model " + ref + " needs a provider '" + ref.providerId() + "', which is not configured; add it with "
                        + "'lectern providers add " + ref.providerId() + " --type ... --url ...'"));
        return clients.create(provider).generateBatch(new ImageRequest(ref.model(), settings.styledPrompt(), settings.width(),
                settings.height(), settings.aspectRatio(), seed, count), cancelled);
    }
}
