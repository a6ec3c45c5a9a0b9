package dev.lectern.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lectern.generation.ProviderLimits;
import dev.lectern.provider.RateLimitListener;
import dev.lectern.storage.Schema;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Services shared by the command line and the window. No JavaFX here: the window adds its own module. */
public final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ProviderModule());
        // a 429 one run's call hears holds every call to that provider (the queue's slots live in generation)
        bind(RateLimitListener.class).to(ProviderLimits.class);
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    Schema schema() {
        return Schema.current();
    }
}
