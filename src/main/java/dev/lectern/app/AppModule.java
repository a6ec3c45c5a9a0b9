package dev.lectern.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lectern.storage.Schema;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Services shared by the command line and the window. No JavaFX here: the window adds its own module. */
public final class AppModule extends AbstractModule {
    @Override
    protected void configure() {
        install(new ProviderModule());
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
