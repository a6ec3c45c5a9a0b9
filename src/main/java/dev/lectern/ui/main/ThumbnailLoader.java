package dev.lectern.ui.main;

import dev.lectern.storage.ImageCache;
import dev.lectern.storage.Project;
import dev.lectern.storage.Rendition;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/** Loads list thumbnails from the image cache off the FX thread; the project file is the source of truth. */
@Singleton
public final class ThumbnailLoader {
    private final ImageCache cache;
    private final Background background;

    @Inject
    public ThumbnailLoader(ImageCache cache, Background background) {
        this.cache = cache;
        this.background = background;
    }

    public void load(Project project, String imageKey, int version, int maxEdge, Consumer<Image> onLoaded, Consumer<Throwable> onFailed) {
        background.run(() -> {
            Rendition r = cache.get(project.info().projectId(), imageKey, version, maxEdge,
                    (key, v) -> project.images().bytes(key, v).orElseThrow(() -> new IOException("image " + key + " v" + v + " is not in the project")));
            Image image = new Image(new ByteArrayInputStream(r.bytes()));
            if (image.isError()) { // an original served as it is was only checked up to its header
                throw new IOException("image " + imageKey + " v" + version + " cannot be shown: " + image.getException().getMessage(),
                        image.getException());
            }
            return image;
        }, onLoaded, onFailed);
    }
}
