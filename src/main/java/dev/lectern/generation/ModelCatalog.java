package dev.lectern.generation;

import dev.lectern.provider.ModelRef;
import dev.lectern.provider.ProviderConfig;
import dev.lectern.provider.ProvidersConfigStore;
import jakarta.inject.Inject;
import java.util.Optional;

/** Which image models this user can run: the built-in title card, and the models of configured providers. */
public class ModelCatalog {
    /** The model of a run whose one candidate is an image file the author chose; no server draws it. */
    public static final String FILE = "file";

    private final ProvidersConfigStore providers;

    @Inject
    public ModelCatalog(ProvidersConfigStore providers) {
        this.providers = providers;
    }

    public Optional<ProviderConfig> provider(ModelRef ref) {
        return ref.isTitleCard() ? Optional.empty() : provider(ref.providerId());
    }

    /** The configured provider of that id; none for the title card, which is built in. */
    public Optional<ProviderConfig> provider(String providerId) {
        return ModelRef.TITLE_CARD.equals(providerId) ? Optional.empty() : providers.get(providerId);
    }

    /** True for {@code titlecard}, and for a model of a configured provider (any model, if it lists none). */
    public boolean isConfigured(String modelRef) {
        ModelRef ref;
        try {
            ref = ModelRef.parse(modelRef);
        } catch (RuntimeException e) {
            return false;
        }
        if (ref.isTitleCard()) {
            return true;
        }
        return provider(ref).map(p -> p.models().isEmpty() || p.models().contains(ref.model())).orElse(false);
    }
}
