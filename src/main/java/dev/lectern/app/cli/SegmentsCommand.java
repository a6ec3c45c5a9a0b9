package dev.lectern.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "segments", description = "List every segment of every lecture.")
final class SegmentsCommand extends ProjectCommand {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;


    @Inject
    SegmentsCommand(ProjectAccess projectFiles) {
        super(projectFiles);
    }

    @Override
    public Integer call() throws Exception {
        List<LectureSegment> segments;
        try (Project project = open(Access.READ_ONLY)) {
            segments = project.lectures().allSegments();
        }
        PrintWriter out = out();
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
