package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.generation.VersionService;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.storage.Access;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "prune", description = {"Remove rejected and discarded versions, of one segment or of the whole project.",
        "Current, accepted, imported and restored versions, and candidates awaiting review, are kept.",
        "The file keeps its size until it is compacted: --vacuum does that afterwards."})
final class PruneCommand extends ProjectCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "SEGMENT_ID", description = "Only this segment's image.")
    String segment;

    @Option(names = "--dry-run", description = "Only say what would be removed.")
    boolean dryRun;

    @Option(names = "--vacuum", description = "Compact the file afterwards (VACUUM), giving the freed space back to the disk.")
    boolean vacuum;

    @Option(names = "--json", description = "Print {removed: [...], versions, bytesFreed, reclaimableBytes}.")
    boolean json;

    private final VersionService versions;

    @Inject
    PruneCommand(ProjectAccess projectFiles, VersionService versions) {
        super(projectFiles);
        this.versions = versions;
    }

    @Override
    public Integer call() throws Exception {
        ImageRepository.Pruned pruned;
        long reclaimable;
        try (Project p = open(dryRun ? Access.READ_ONLY : Access.READ_WRITE)) {
            pruned = versions.prune(p, segment, dryRun);
            if (vacuum && !dryRun) {
                versions.compact(p, () -> false);
            }
            reclaimable = versions.reclaimableBytes(p);
        }
        PrintWriter out = out();
        if (json) {
            ObjectNode o = JsonSupport.MAPPER.createObjectNode();
            o.put("dryRun", dryRun);
            ArrayNode removed = o.putArray("removed");
            pruned.versions().forEach(e -> removed.add(VersionJson.of(e)));
            o.put("versions", pruned.versions().size());
            o.put("bytesFreed", pruned.bytesFreed());
            o.put("reclaimableBytes", reclaimable);
            out.println(RunJson.pretty(o));
            return 0;
        }
        for (VersionEntry e : pruned.versions()) {
            out.println((dryRun ? "would remove " : "removed ") + e.version().imageKey() + " v" + e.version().version()
                    + " (" + e.status().wireName() + ")");
        }
        out.println((dryRun ? "would free " : "freed ") + pruned.bytesFreed() + " bytes of image data in "
                + pruned.versions().size() + " version" + (pruned.versions().size() == 1 ? "" : "s")
                + (reclaimable > 0 ? "; 'lectern prune FILE --vacuum' gives " + reclaimable + " bytes back to the disk" : ""));
        return 0;
    }
}
