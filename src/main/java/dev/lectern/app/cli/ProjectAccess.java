package dev.lectern.app.cli;

import dev.lectern.generation.ControlWatcher;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * How the commands reach a project: the files, and while one is held for writing the watch that applies other
 * processes' control requests (decision 0020); the clock stamps the requests this process leaves.
 */
final class ProjectAccess {
    final ProjectFiles files;
    final ControlWatcher watcher;
    final Clock clock;

    @Inject
    ProjectAccess(ProjectFiles files, ControlWatcher watcher, Clock clock) {
        this.files = files;
        this.watcher = watcher;
        this.clock = clock;
    }
}
