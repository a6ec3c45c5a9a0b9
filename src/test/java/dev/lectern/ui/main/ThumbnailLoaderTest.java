package dev.lectern.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.storage.Access;
import dev.lectern.storage.ImageCache;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import dev.lectern.ui.common.Background;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Pictures for the window: an original small enough is shown as it is, so its damage must surface here. */
class ThumbnailLoaderTest {
    @TempDir
    Path dir;
    final Background background = new Background();
    Project project;

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() {
        if (project != null) {
            project.close();
        }
        background.shutdown();
    }

    @Test
    void anOriginalThatFitsIsShownAndOneDamagedAfterItsHeaderFailsWithAMessage() throws Exception {
        Path file = dir.resolve("p.lectern");
        ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        files.create(file, null, p -> {
            p.images().add("good", TestImages.png(120, 80), ImageRepository.Provenance.UNKNOWN);
            p.images().add("bad", TestImages.png(64, 64, java.awt.Color.RED), ImageRepository.Provenance.UNKNOWN);
        }).close();
        byte[] bad = TestImages.png(64, 64, java.awt.Color.RED);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // Damage on disk that SQLite cannot see: the pixels are cut off, the 33-byte header is intact.
            var update = c.prepareStatement("UPDATE blobs SET bytes = ? WHERE bytes = ?");
            update.setBytes(1, java.util.Arrays.copyOf(bad, 60));
            update.setBytes(2, bad);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        project = files.open(file, Access.READ_WRITE_OR_READ_ONLY);
        ThumbnailLoader loader = new ThumbnailLoader(new ImageCache(dir.resolve("cache"), 1 << 20), background);

        CompletableFuture<Image> good = new CompletableFuture<>();
        loader.load(project, "good", 1, 1600, good::complete, good::completeExceptionally);
        CompletableFuture<Image> damaged = new CompletableFuture<>();
        loader.load(project, "bad", 1, 1600, damaged::complete, damaged::completeExceptionally);

        Image shown = good.get(10, TimeUnit.SECONDS);
        assertThat(new double[] {shown.getWidth(), shown.getHeight()}).containsExactly(120, 80);
        assertThat(damaged).failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().withMessageContaining("image bad v1 cannot be shown");
    }
}
