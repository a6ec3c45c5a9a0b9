package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "segments", description = "List every segment of every lecture.")
final class SegmentsCommand implements Callable<Integer> {
    @Mixin
    ProjectFileParameter file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final ProjectFiles projectFiles;

    @Inject
    SegmentsCommand(ProjectFiles projectFiles) {
        this.projectFiles = projectFiles;
    }

    @Override
    public Integer call() throws Exception {
        List<LectureSegment> segments;
        try (Project project = projectFiles.open(file.path, Access.READ_ONLY)) {
            segments = project.lectures().allSegments();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode array = JsonSupport.MAPPER.createArrayNode();
            segments.forEach(s -> array.add(toJson(s)));
            out.println(JsonSupport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        TextTable table = new TextTable("LECTURE", "SEGMENT", "STARTING IMAGE", "MODEL", "VERSION", "VIDEO", "PROMPT");
        for (LectureSegment s : segments) {
            VideoAsset v = s.video();
            table.row(s.lectureId(), v.id(), v.startingImageId(), v.startingImageModel(),
                    v.imageVersion() == null ? null : "v" + v.imageVersion(), v.videoPath(), v.segmentStartImagePrompt());
        }
        table.print(out);
        return 0;
    }

    private static ObjectNode toJson(LectureSegment s) {
        VideoAsset v = s.video();
        ObjectNode o = JsonSupport.MAPPER.createObjectNode();
        o.put("lectureId", s.lectureId());
        o.put("id", v.id());
        o.put("startingImageId", v.startingImageId());
        o.put("startingImageModel", v.startingImageModel());
        o.put("segmentStartImagePrompt", v.segmentStartImagePrompt());
        o.put("imageVersion", v.imageVersion());
        o.put("videoPath", v.videoPath());
        return o;
    }
}
