package dev.lectern.app.cli;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.RunService;
import dev.lectern.lecture.Batch;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "review", description = {"Accept a run's candidate, discard one, or reject them all.",
        "Accept makes it the segment's starting image (same image id, the candidate's version); reject changes nothing.",
        "Discarding the last candidate left rejects the run.",
        "Given a batch id, --accept-all or --reject-all answers each of its runs awaiting review (accept takes a run's first image left)."})
final class ReviewCommand extends ProjectCommand {
    @Parameters(index = "1", paramLabel = "RUN_ID", description = "The run, as printed by 'lectern regenerate'; or a batch.")
    String runId;

    @ArgGroup(multiplicity = "1")
    Decision decision;

    static final class Decision {
        @Option(names = "--accept", required = true, description = "Use the candidate (the only one, or --candidate).")
        boolean accept;

        @Option(names = "--reject", required = true, description = "Keep the current image; every candidate is rejected.")
        boolean reject;

        @Option(names = "--discard", required = true, paramLabel = "INDEX", description = "Throw one candidate away; the run keeps waiting.")
        Integer discard;

        @Option(names = "--accept-all", required = true, description = "For a batch: accept each run awaiting review.")
        boolean acceptAll;

        @Option(names = "--reject-all", required = true, description = "For a batch: reject each run awaiting review.")
        boolean rejectAll;
    }

    @Option(names = "--candidate", paramLabel = "INDEX", description = "Which candidate --accept takes (1-based, as in the run's candidates).")
    Integer candidate;

    @Option(names = "--json", description = "Print the run object.")
    boolean json;

    private final RunService runs;
    private final BatchService batches;

    @Inject
    ReviewCommand(ProjectAccess projectFiles, RunService runs, BatchService batches) {
        super(projectFiles);
        this.runs = runs;
        this.batches = batches;
    }

    @Override
    public Integer call() throws Exception {
        if (decision.acceptAll || decision.rejectAll) {
            return reviewBatch();
        }
        Run run;
        try (Project project = open(Access.READ_WRITE)) {
            if (project.batches().find(runId).isPresent()) {
                throw new InvalidInputException(runId + " is a batch: answer its runs with --accept-all or --reject-all, or one run by its id");
            }
            if (candidate != null && !decision.accept) {
                throw new InvalidInputException("--candidate goes with --accept");
            }
            run = decision.discard != null
                    ? runs.discard(project, runId, null, decision.discard)
                    : runs.review(project, runId, null, decision.accept ? ReviewOutcome.ACCEPTED : ReviewOutcome.REJECTED, candidate);
        }
        boolean done = decision.discard != null ? run.status() == RunStatus.AWAITING_REVIEW || run.status() == RunStatus.SUCCEEDED
                : run.status() == RunStatus.SUCCEEDED;
        return RunOutput.print(spec, run, json, done);
    }

    private int reviewBatch() throws Exception {
        if (candidate != null) {
            throw new InvalidInputException("--candidate goes with --accept of one run");
        }
        try (Project project = open(Access.READ_WRITE)) {
            List<Run> answered = batches.reviewAll(project, runId, decision.acceptAll ? ReviewOutcome.ACCEPTED : ReviewOutcome.REJECTED);
            Batch batch = batches.find(project, runId);
            out().println(json ? RunJson.pretty(BatchJson.of(batch, batches.runsOf(project, runId)))
                    : (decision.acceptAll ? "accepted " : "rejected ") + answered.size() + "; " + BatchJson.line(batch));
        }
        return 0;
    }
}
