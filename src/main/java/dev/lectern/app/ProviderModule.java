package dev.lectern.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lectern.provider.HttpClientFactory;
import dev.lectern.provider.Keychain;
import dev.lectern.provider.OsKeychain;
import dev.lectern.provider.ProvidersConfigStore;
import dev.lectern.provider.SecretResolver;
import dev.lectern.provider.SecretSources;
import dev.lectern.provider.UserDirectories;
import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;

/**
 * The image servers: one shared OkHttpClient (pool and threads, made on first use), keys from environment
 * variables, and the per-user providers list in the config directory ({@code LECTERN_CONFIG_DIR} overrides it).
 */
public final class ProviderModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SecretResolver.class).to(SecretSources.class);
        bind(Keychain.class).to(OsKeychain.class);
    }

    @Provides
    @Singleton
    OkHttpClient httpClient() {
        return HttpClientFactory.create();
    }

    @Provides
    @Singleton
    ProvidersConfigStore providersConfigStore(UserDirectories directories) {
        return new ProvidersConfigStore(directories);
    }
}
