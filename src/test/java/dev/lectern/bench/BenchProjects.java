package dev.lectern.bench;

import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.SegmentDraft;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.ImageRepository;
import dev.lectern.storage.JsonSupport;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.TestImages;
import java.awt.Color;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project the open and accept benchmarks use: one lecture of 1,000 segments, 5 image versions each (5,000),
 * the segment pointing at its 5th; versions 2–5 came from 4,000 finished runs (with their steps and messages,
 * as the workflow writes them), and 50 segments have a draft.
 */
final class BenchProjects {
    static final String LECTURE = "big-lecture";
    static final int SEGMENTS = 1000;
    static final int VERSIONS = 5;
    static final int DRAFTS = 50;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private BenchProjects() {
    }

    static String segmentId(int i) {
        return "seg-" + i;
    }

    static String imageKey(int i) {
        return "img-" + i;
    }

    static void createBig(Path file) throws Exception {
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(file, "Big", project -> project.transaction(() -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (int i = 0; i < SEGMENTS; i++) {
                for (int v = 1; v <= VERSIONS; v++) {
                    project.images().add(imageKey(i), TestImages.png(32, 18, new Color(i * VERSIONS + v)),
                            new ImageRepository.Provenance("local/sdxl", "prompt " + i + " take " + v, (long) v));
                }
                videos.add(new VideoAsset(segmentId(i), "Segment " + i, i, "/u/p/" + LECTURE + "/videos/" + i + ".mp4",
                        imageKey(i), "local/sdxl", "a prompt for segment " + i + ", with some words in it", null, VERSIONS,
                        Map.of("durationSeconds", 42 + i % 7)));
            }
            project.lectures().save(new Lecture(LECTURE, "A long lecture", 7, Timestamps.format(T0), videos,
                    Map.of("images", List.of(), "notes", List.of()), Map.of("courseId", "c-1")));
            Map<String, SegmentDraft> drafts = new LinkedHashMap<>();
            for (int i = 0; i < DRAFTS; i++) {
                drafts.put(segmentId(i * (SEGMENTS / DRAFTS)), new SegmentDraft("draft prompt " + i, null));
            }
            project.drafts().saveAll(LECTURE, drafts);
            return null;
        })).close();
        addFinishedRuns(file);
    }

    /** {@link #createBig} with {@code runs} finished runs in all (at least the 4,000 it has): the project of a long-lived lecture. */
    static void createWithRuns(Path file, int runs) throws Exception {
        createBig(file);
        addFinishedRuns(file, SEGMENTS * (VERSIONS - 1), runs);
    }

    private static void addFinishedRuns(Path file) throws Exception {
        addFinishedRuns(file, 0, SEGMENTS * (VERSIONS - 1));
    }

    /**
     * Runs {@code from} to {@code to} (exclusive) of an endless round of regenerations, finished as the workflow leaves
     * them: six steps and six messages each. Run n regenerated segment n / 4 (mod 1,000) into version n mod 4 + 2, so
     * the first 4,000 are the runs that made versions 2–5.
     */
    private static void addFinishedRuns(Path file, int from, int to) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("""
                    INSERT INTO runs (id, lecture_id, segment_id, status, review_outcome, review_decision, requested_prompt,
                      settings_json, preview_image_key, preview_version, created_at, updated_at)
                    VALUES (?, ?, ?, 'succeeded', ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement step = c.prepareStatement("INSERT INTO run_steps (run_id, step, output_json, completed_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement msg = c.prepareStatement("INSERT INTO run_messages (run_id, seq, at, text) VALUES (?, ?, ?, ?)")) {
                for (int n = from; n < to; n++) {
                    int i = n / (VERSIONS - 1) % SEGMENTS;
                    int v = n % (VERSIONS - 1) + 2;
                    String id = String.format("run-%06d", n);
                    Instant at = T0.plusSeconds(60L * n);
                    String prompt = "a prompt for segment " + i;
                    String outcome = v == VERSIONS ? "accepted" : "rejected";
                    run.setString(1, id);
                    run.setString(2, LECTURE);
                    run.setString(3, segmentId(i));
                    run.setString(4, outcome);
                    run.setString(5, outcome);
                    run.setString(6, prompt);
                    run.setString(7, JsonSupport.write(new GenerationSettings("local/sdxl", GenerationSettings.ModelSource.SEGMENT_MODEL,
                            prompt, prompt + ", flat illustration", 1024, 576, "16:9")));
                    run.setString(8, imageKey(i));
                    run.setInt(9, v);
                    run.setString(10, at.toString());
                    run.setString(11, at.plusSeconds(30).toString());
                    run.addBatch();
                    String[] steps = {"validate", "determine-settings", "generate-image", "publish-preview", "apply-review", "mark-complete"};
                    String[] texts = {"Regeneration requested", "Using local/sdxl (the segment's last model), 1024×576",
                            "Generating with local/sdxl", "Image generated (1024×576)", "Starting image ready for review",
                            "Preview " + outcome};
                    for (int s = 0; s < steps.length; s++) {
                        step.setString(1, id);
                        step.setString(2, steps[s]);
                        step.setString(3, "{}");
                        step.setString(4, at.plusSeconds(s).toString());
                        step.addBatch();
                        msg.setString(1, id);
                        msg.setInt(2, s + 1);
                        msg.setString(3, at.plusSeconds(s).toString());
                        msg.setString(4, texts[s]);
                        msg.addBatch();
                    }
                }
                run.executeBatch();
                step.executeBatch();
                msg.executeBatch();
            }
            c.commit();
        }
    }
}
