package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.generation.RunArchiver;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "archive-runs", description = {"Archive the finished runs (succeeded, failed, cancelled, expired) last changed more than DAYS ago.",
        "They stay in the file: 'lectern runs FILE --archived' lists them; the window and 'lectern runs' no longer read them.",
        "DAYS defaults to the project setting runs.archiveAfterDays."})
final class ArchiveRunsCommand extends ProjectCommand {
    @Option(names = "--older-than", paramLabel = "DAYS", description = "Finished more than DAYS days ago (default: runs.archiveAfterDays).")
    Integer olderThan;

    @Option(names = "--json", description = "Print {archived, olderThanDays, cutoff}.")
    boolean json;

    private final RunArchiver archiver;

    @Inject
    ArchiveRunsCommand(ProjectAccess projectFiles, RunArchiver archiver) {
        super(projectFiles);
        this.archiver = archiver;
    }

    @Override
    public Integer call() throws Exception {
        RunArchiver.Archived done;
        try (Project project = open(Access.READ_WRITE)) {
            Integer days = olderThan != null ? olderThan : project.settings().load().runs().archiveAfterDays();
            if (days == null) {
                throw new InvalidInputException("say how old a finished run must be to be archived: pass --older-than DAYS, or set it "
                        + "for the project with 'lectern settings " + file.path + " " + ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS + "=DAYS'");
            }
            done = archiver.archiveOlderThan(project, days);
        }
        if (json) {
            ObjectNode o = JsonSupport.MAPPER.createObjectNode();
            o.put("archived", done.archived());
            o.put("olderThanDays", done.olderThanDays());
            o.put("cutoff", done.cutoff().toString());
            out().println(RunJson.pretty(o));
            return 0;
        }
        out().println("archived " + done.archived() + " run" + (done.archived() == 1 ? "" : "s") + " finished before " + done.cutoff()
                + " (older than " + done.olderThanDays() + " day" + (done.olderThanDays() == 1 ? "" : "s") + ")");
        return 0;
    }
}
