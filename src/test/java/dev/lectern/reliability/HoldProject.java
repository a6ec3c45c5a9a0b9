package dev.lectern.reliability;

import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The "another process" of the project-file group: a JVM that opens {@code args[0]} for writing, says
 * {@code holding}, and keeps it open until its stdin closes.
 */
public final class HoldProject {
    private HoldProject() {
    }

    public static void main(String[] args) throws Exception {
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(Path.of(args[0]), Access.READ_WRITE)) {
            System.out.println("holding " + p.info().title());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our stdin (or dies)
            }
        }
    }
}
