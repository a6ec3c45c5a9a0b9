package dev.lectern.ui;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import dev.lectern.provider.UserDirectories;
import dev.lectern.storage.ImageCache;
import jakarta.inject.Singleton;

/** What only the window needs: the image cache for thumbnails and dialogs. */
public final class UiModule extends AbstractModule {
    /** Decoded thumbnails kept in memory; the disk cache holds the rest. */
    static final long THUMBNAIL_MEMORY_BYTES = 64L * 1024 * 1024;

    @Provides
    @Singleton
    ImageCache imageCache(UserDirectories dirs) {
        return new ImageCache(dirs.cacheDir().resolve("renditions"), THUMBNAIL_MEMORY_BYTES);
    }
}
