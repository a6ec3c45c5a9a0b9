package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.SegmentSelection;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", description = {"Regenerate a whole lecture, or some of its segments, as one batch.",
        "--segments, --older-than, --made-by and --title-cards narrow the choice together (AND).",
        "Each segment gets a run with the settings it resolves to; the providers' concurrency limits how many draw at once.",
        "Without --wait the runs stay queued for 'lectern resume' or the window to drive."})
final class BatchCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "LECTURE_ID", description = "The lecture ('lectern segments' lists them).")
    String lectureId;

    @Option(names = "--segments", split = ",", paramLabel = "ID", description = "Only these segments (comma-separated).")
    List<String> segments = List.of();

    @Option(names = "--older-than", paramLabel = "YYYY-MM-DD", description = "Only segments whose current image was made before this day (UTC).")
    LocalDate olderThan;

    @Option(names = "--made-by", paramLabel = "MODEL", description = "Only segments whose current image this model made (PROVIDER/MODEL or titlecard).")
    String madeBy;

    @Option(names = "--title-cards", description = "Only segments whose current image is an offline title card.")
    boolean titleCards;

    @Option(names = "--model", paramLabel = "REF", description = "PROVIDER/MODEL or titlecard for every run, instead of each segment's.")
    String model;

    @Option(names = "--candidates", paramLabel = "N", description = "Images per segment, 1 to 8 (default: image.candidates, else 1).")
    Integer candidates;

    @Option(names = "--wait", description = "Drive the runs now; return when each awaits review, failed or was cancelled.")
    boolean await;

    @Option(names = "--json", description = "Print {batchId, status, counts, runs: [...]}.")
    boolean json;

    private final BatchService batches;

    @Inject
    BatchCommand(ProjectAccess projectFiles, BatchService batches) {
        super(projectFiles);
        this.batches = batches;
    }

    @Override
    public Integer call() throws Exception {
        try (Project project = open(Access.READ_WRITE)) {
            SegmentSelection selection = new SegmentSelection(segments,
                    olderThan == null ? null : olderThan.atStartOfDay(ZoneOffset.UTC).toInstant(), madeBy, titleCards);
            Batch batch = batches.start(project, lectureId, selection, model, candidates);
            if (await) {
                batch = batches.drive(project, batch.id());
            }
            out().println(json ? RunJson.pretty(BatchJson.of(batch, batches.runsOf(project, batch.id())))
                    : batch.id());
            if (await && batch.count(RunStatus.FAILED) > 0) {
                err().println("lectern: " + BatchJson.line(batch) + "; 'lectern batches " + file.path
                        + " --retry-failed " + batch.id() + "' tries the failed ones again");
                return CliErrors.FAILED;
            }
            return 0;
        }
    }
}
