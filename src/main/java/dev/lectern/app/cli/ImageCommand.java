package dev.lectern.app.cli;

import dev.lectern.generation.RunService;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.AtomicFiles;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "image", description = "Write a segment's committed starting image (or a run's preview, or any version) byte for byte as stored.")
final class ImageCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "SEGMENT_ID", description = "The segment.")
    String segment;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "That run's preview instead of the committed image.")
    String runId;

    @Option(names = "--version", paramLabel = "N", description = "That version of the segment's image, as 'lectern versions' lists it.")
    Integer version;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "Where to write the image.")
    Path out;

    private final RunService runs;

    @Inject
    ImageCommand(ProjectAccess projectFiles, RunService runs) {
        super(projectFiles);
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        byte[] bytes;
        try (Project project = open(Access.READ_ONLY)) {
            LectureSegment s = project.lectures().requireSegment(segment);
            String key;
            int version;
            if (runId != null && this.version != null) {
                throw new InvalidInputException("give --run or --version, not both");
            }
            if (this.version != null) {
                key = s.video().imageKey();
                version = this.version;
                if (key == null || project.images().find(key, version).isEmpty()) {
                    throw new InvalidInputException("segment " + segment + " has no version " + version + " of its image; 'lectern versions' lists them");
                }
            } else if (runId != null) {
                Run run = runs.find(project, runId);
                if (!run.segmentId().equals(s.video().id()) || !run.lectureId().equals(s.lectureId())) {
                    throw new InvalidInputException("run " + runId + " belongs to segment " + run.segmentId() + ", not " + segment);
                }
                if (run.preview() == null) {
                    throw new InvalidInputException("run " + runId + " has no preview (" + run.status().wireName() + ")");
                }
                key = run.preview().startingImageId();
                version = run.preview().version();
            } else {
                if (s.video().imageVersion() == null) {
                    throw new InvalidInputException("segment " + segment + " has no starting image yet");
                }
                key = s.video().imageKey();
                version = s.video().imageVersion();
            }
            bytes = project.images().bytes(key, version).orElseThrow();
        }
        AtomicFiles.write(out, bytes);
        return 0;
    }
}
