package dev.lectern.app;

import dev.lectern.generation.SampleLecture;
import dev.lectern.provider.UserDirectories;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which project the window opens: the one asked for, else the last one used, else the sample project,
 * made on first start in the user's data directory.
 */
public final class StartupProject {
    static final String SAMPLE_FILE = "Sample Lecture.lectern";

    private final RecentProjects recent;
    private final UserDirectories dirs;
    private final ProjectFiles projectFiles;
    private final SampleLecture sample;

    @Inject
    public StartupProject(RecentProjects recent, UserDirectories dirs, ProjectFiles projectFiles, SampleLecture sample) {
        this.recent = recent;
        this.dirs = dirs;
        this.projectFiles = projectFiles;
        this.sample = sample;
    }

    /** Blocks on disk: call it off the FX thread. */
    public Path choose(Optional<Path> requested) {
        if (requested.isPresent()) {
            return requested.get().toAbsolutePath();
        }
        Optional<Path> last = recent.list().stream().filter(Files::isRegularFile).findFirst();
        if (last.isPresent()) {
            return last.get();
        }
        Path samplePath = dirs.dataDir().resolve(SAMPLE_FILE);
        if (!Files.exists(samplePath)) {
            try {
                Files.createDirectories(samplePath.getParent());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create " + samplePath.getParent() + ": " + e.getMessage(), e);
            }
            projectFiles.create(samplePath, SampleLecture.TITLE, sample::addTo).close();
        }
        return samplePath;
    }
}
