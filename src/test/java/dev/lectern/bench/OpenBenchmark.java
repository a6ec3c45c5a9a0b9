package dev.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.RunArchiver;
import dev.lectern.lecture.Run;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.ui.common.Background;
import dev.lectern.ui.store.FirstView;
import dev.lectern.ui.store.LectureStore;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1. open: a project of 1,000 segments and 5,000 image versions (and the 4,000 runs that made them) until the
 * store is ready — what {@code ProjectSession.open} does: open the file, then {@link FirstView#read} (list
 * the lectures, load the first and its drafts, and beside them the runs it shows: the newest 200 and every unfinished
 * one) off the FX thread, then {@code LectureStore.show} on it — beside a raw JDBC read of the same rows over one plain connection.
 * {@code open-many-runs} (issue 17): the same with 20,000 runs in the file.
 */
class OpenBenchmark {
    @TempDir
    static Path dir;

    @AfterAll
    static void report() {
        BenchResults.report("open");
        BenchResults.report("open-many-runs");
    }

    @Test
    void open() throws Exception {
        Path file = dir.resolve("big.lectern");
        BenchProjects.createBig(file);
        measure(file, "open", "1,000 segments, 5,000 image versions, 4,000 runs; vs raw JDBC read of the same rows");
    }

    @Test
    void openManyRuns() throws Exception {
        Path file = dir.resolve("many-runs.lectern");
        BenchProjects.createWithRuns(file, 20_000);
        measure(file, "open-many-runs", "as open, with 20,000 runs in the file; vs raw JDBC read of the rows the window shows");
    }

    private static void measure(Path file, String name, String note) throws Exception {
        Fx.start();
        ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        Background background = new Background();
        LectureStore store = new LectureStore(background);
        RunArchiver archiver = new RunArchiver(Clock.systemUTC()); // as on opening: no runs.archiveAfterDays, nothing archived
        ObservableList<Run> runsShown = FXCollections.observableArrayList();
        int[] shown = new int[2];
        List<double[]> phases = new ArrayList<>();
        try {
            BenchResults.Pair p = BenchResults.interleaved(8, 15, () -> {
                long t0 = System.nanoTime();
                Project opened = files.open(file, Access.READ_WRITE_OR_READ_ONLY);
                long t1 = System.nanoTime();
                FirstView view = FirstView.read(opened, archiver);
                long t2 = System.nanoTime();
                phases.add(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6});
                Fx.run(() -> {
                    store.show(opened, view.lecture(), view.drafts());
                    runsShown.setAll(view.runs());
                    shown[0] = store.segments().size();
                    shown[1] = runsShown.size();
                });
                long t = System.nanoTime() - t0;
                Fx.run(store::clear);
                opened.close();
                return t;
            }, () -> BenchResults.timed(() -> rawRead(file)));
            assertThat(shown[0]).isEqualTo(BenchProjects.SEGMENTS);
            assertThat(shown[1]).isEqualTo(ProjectSession.RECENT_RUNS);
            Map<String, Object> breakdown = new java.util.LinkedHashMap<>();
            String[] names = {"open_file", "lecture_drafts_and_runs"};
            for (int i = 0; i < names.length; i++) {
                int k = i;
                breakdown.put(names[i], BenchResults.round(BenchResults.median(phases.stream().mapToDouble(x -> x[k]).toArray())));
            }
            BenchResults.add(name, p, 1.5, Map.of("note", note, "breakdown_ms", breakdown));
        } finally {
            background.shutdown();
        }
    }

    /** The minimal read of what the window shows: one connection, one query per table, every column read. */
    static int rawRead(Path file) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            read(c, rows, "SELECT key, value FROM project_info");
            read(c, rows, "SELECT l.id, l.title, l.revision, l.updated_at, (SELECT COUNT(*) FROM segments s WHERE s.lecture_id = l.id) "
                    + "FROM lectures l ORDER BY l.sort_key, l.id");
            read(c, rows, "SELECT id, title, revision, updated_at, other_content_json, extra_json FROM lectures WHERE id = ?", BenchProjects.LECTURE);
            read(c, rows, "SELECT lecture_id, id, position, title, video_path, starting_image_id, starting_image_model, prompt, "
                    + "starting_image_url, image_version, extra_json FROM segments WHERE lecture_id = ? ORDER BY position", BenchProjects.LECTURE);
            read(c, rows, "SELECT segment_id, prompt, model FROM drafts WHERE lecture_id = ?", BenchProjects.LECTURE);
            read(c, rows, "SELECT r.id, r.lecture_id, r.segment_id, r.status, r.review_outcome, r.requested_prompt, r.requested_model, "
                    + "r.settings_json, r.preview_image_key, r.preview_version, r.error, r.created_at, r.updated_at, r.wait_expires_at, "
                    + "v.sha256, v.width, v.height FROM runs r LEFT JOIN image_versions v ON v.image_key = r.preview_image_key "
                    + "AND v.version = r.preview_version WHERE r.id IN (SELECT id FROM runs ORDER BY created_at DESC, id DESC LIMIT "
                    + ProjectSession.RECENT_RUNS + ") OR r.status IN ('queued', 'running', 'awaiting_review') ORDER BY r.created_at DESC, r.id DESC");
            read(c, rows, "SELECT run_id, at, text FROM run_messages WHERE run_id IN (SELECT id FROM runs ORDER BY created_at DESC, id DESC LIMIT "
                    + ProjectSession.RECENT_RUNS + ") ORDER BY run_id, seq");
        }
        return rows.size();
    }

    private static void read(Connection c, List<Object[]> rows, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
    }
}
