package dev.lectern.generation;

import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.StartingImageIds;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.provider.titlecard.TitleCardRenderer;
import dev.lectern.provider.titlecard.TitleCardSpec;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.Project;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lecture a new user finds on first start: real prompts, and starting images drawn by the offline
 * title-card generator, so everything works with no key and no server.
 */
public final class SampleLecture {
    public static final String TITLE = "Sample: How Light Becomes Sugar";
    public static final String LECTURE_ID = "sample-photosynthesis";
    public static final String MODEL = "titlecard";
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    private static final String RUN = "sample";

    private static final List<String[]> SEGMENTS = List.of(
            new String[] {"Welcome", "A sunlit forest clearing at dawn, a single green leaf in sharp focus, title: How Light Becomes Sugar"},
            new String[] {"Why plants need light", "A sunflower turning toward the sun across a day, drawn as a time-lapse strip"},
            new String[] {"Inside the leaf", "Cross-section of a leaf showing palisade cells packed with chloroplasts, textbook illustration"},
            new String[] {"The chloroplast", "A glowing chloroplast with stacked thylakoids like green coins, labelled diagram"},
            new String[] {"Light reactions", "Photons striking chlorophyll, electrons hopping along a chain of proteins, vivid schematic"},
            new String[] {"Splitting water", "Water molecules breaking apart into oxygen bubbles and hydrogen ions, clean vector art"},
            new String[] {"The Calvin cycle", "A circular conveyor belt turning carbon dioxide into sugar molecules, playful infographic"},
            new String[] {"Oxygen for everyone", "A child breathing beside a tree, arrows showing oxygen and carbon dioxide exchange"},
            new String[] {"Recap", "Chalkboard summary: light + water + carbon dioxide → sugar + oxygen, hand-drawn style"});

    private final TitleCardRenderer renderer;
    private final Clock clock;

    @Inject
    public SampleLecture(TitleCardRenderer renderer, Clock clock) {
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Adds the sample lecture, with a title-card starting image for every segment, in one transaction. */
    public Lecture addTo(Project project) {
        String palette = project.info().projectId();
        return project.transaction(() -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < SEGMENTS.size(); i++) {
                String segmentId = String.format("seg-%02d", i + 1);
                String title = SEGMENTS.get(i)[0];
                String prompt = SEGMENTS.get(i)[1];
                String imageId = StartingImageIds.forRun(RUN, segmentId);
                byte[] png = renderer.render(new TitleCardSpec(prompt, WIDTH, HEIGHT, i + 1L, palette));
                int version = project.images().add(imageId, png, new ImageRepository.Provenance(MODEL, prompt, i + 1L)).version();
                videos.add(new VideoAsset(segmentId, title, i, null, imageId, MODEL, prompt, null, version, Map.of()));
            }
            Lecture lecture = new Lecture(LECTURE_ID, TITLE, 1, Timestamps.format(clock.instant()), videos, Map.of(), Map.of());
            project.lectures().save(lecture);
            return lecture;
        });
    }
}
