package dev.lectern.ui.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a segment's video is found: the seed's storage path beside the project, or a 'videos' folder; never outside. */
class VideoPaneLocateTest {
    @TempDir
    Path dir;

    @Test
    void findsTheVideoBesideTheProjectAndNothingOutsideIt() throws Exception {
        Path project = dir.resolve("course/p.lectern");
        Files.createDirectories(project.getParent());
        Path stored = Files.createDirectories(dir.resolve("course/u/p/lec/videos")).resolve("v1.mp4");
        Files.writeString(stored, "x");
        Path loose = Files.createDirectories(dir.resolve("course/videos")).resolve("v2.mp4");
        Files.writeString(loose, "x");
        Files.writeString(dir.resolve("secret.mp4"), "x");

        assertThat(VideoPane.locate("/u/p/lec/videos/v1.mp4", project)).contains(stored);
        assertThat(VideoPane.locate("/u/p/lec/videos/v2.mp4", project)).contains(loose);
        assertThat(VideoPane.locate(stored.toString(), project)).contains(stored);
        assertThat(VideoPane.locate("../secret.mp4", project)).isEmpty();
        assertThat(VideoPane.locate("/u/p/lec/videos/missing.mp4", project)).isEmpty();
        assertThat(VideoPane.locate("/u/p/lec/videos/v1.mp4", null)).isEmpty();
    }
}
