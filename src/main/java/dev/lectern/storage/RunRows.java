package dev.lectern.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.PreviewImage;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of {@code runs}, {@code run_messages} and {@code run_candidates} made into {@link Run} records, for {@link RunRepository}. */
final class RunRows {
    private static final String COLUMNS = "r.id, r.lecture_id, r.segment_id, r.status, r.review_outcome, r.requested_prompt, "
            + "r.requested_model, r.settings_json, r.preview_image_key, r.preview_version, r.error, r.created_at, "
            + "r.updated_at, r.wait_expires_at, v.sha256, v.width, v.height, r.requested_candidates, r.requested_seed";
    private static final String FROM = " FROM runs r LEFT JOIN image_versions v ON v.image_key = r.preview_image_key AND v.version = r.preview_version";

    private static final ObjectReader SETTINGS_READER = JsonSupport.MAPPER.readerFor(GenerationSettings.class);

    private RunRows() {
    }

    /**
     * The runs matching {@code where}, with their messages: two queries in all (runs, then the messages of
     * exactly those runs), not one more per run — a project keeps every run it ever made.
     */
    static List<Run> query(Connection c, String where, String order, String... args) throws SQLException {
        List<Run> runs = new ArrayList<>();
        Map<String, List<RunMessage>> messages = messages(c, where, args);
        Map<String, List<Candidate>> candidates = candidates(c, where, args);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + FROM + where + order)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String previewKey = rs.getString(9);
                    PreviewImage preview = previewKey == null ? null
                            : new PreviewImage(previewKey, rs.getInt(10), rs.getString(15), rs.getInt(16), rs.getInt(17));
                    String settings = rs.getString(8);
                    String expires = rs.getString(14);
                    int wanted = rs.getInt(18);
                    Integer requestedCandidates = rs.wasNull() ? null : wanted;
                    long seed = rs.getLong(19);
                    Long requestedSeed = rs.wasNull() ? null : seed;
                    String id = rs.getString(1);
                    runs.add(new Run(id, rs.getString(2), rs.getString(3), RunStatus.fromWire(rs.getString(4)),
                            ReviewOutcome.fromWire(rs.getString(5)), rs.getString(6), rs.getString(7), requestedCandidates, requestedSeed,
                            settings == null ? null : fromJson(settings), preview, candidates.getOrDefault(id, List.of()), rs.getString(11),
                            StoredInstants.parse(rs.getString(12)), StoredInstants.parse(rs.getString(13)),
                            expires == null ? null : StoredInstants.parse(expires), messages.getOrDefault(id, List.of())));
                }
            }
        }
        return runs;
    }

    /** The messages of the runs matching {@code where}, by run id, in order. */
    private static Map<String, List<RunMessage>> messages(Connection c, String where, String... args) throws SQLException {
        return byRun(c, "SELECT m.run_id, m.at, m.text FROM run_messages m"
                + (where.isEmpty() ? "" : " WHERE m.run_id IN (SELECT r.id FROM runs r" + where + ")")
                + " ORDER BY m.run_id, m.seq", args, rs -> new RunMessage(StoredInstants.parse(rs.getString(2)), rs.getString(3)));
    }

    /** The candidates of the runs matching {@code where}, by run id, in order. */
    private static Map<String, List<Candidate>> candidates(Connection c, String where, String... args) throws SQLException {
        return byRun(c, "SELECT k.run_id, k.idx, k.image_key, k.version, v.sha256, v.width, v.height, v.seed, k.discarded_at IS NOT NULL "
                + "FROM run_candidates k JOIN image_versions v ON v.image_key = k.image_key AND v.version = k.version"
                + (where.isEmpty() ? "" : " WHERE k.run_id IN (SELECT r.id FROM runs r" + where + ")")
                + " ORDER BY k.run_id, k.idx", args, rs -> {
                    long seed = rs.getLong(8);
                    Long seedOrNull = rs.wasNull() ? null : seed;
                    return new Candidate(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6), rs.getInt(7),
                            seedOrNull, rs.getBoolean(9));
                });
    }

    /** One row made into a record. */
    private interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    /** The rows of {@code sql} (the run id first), made into records by {@code row} and grouped by run, in order. */
    private static <T> Map<String, List<T>> byRun(Connection c, String sql, String[] args, Row<T> row) throws SQLException {
        Map<String, List<T>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(row.of(rs));
                }
            }
        }
        return out;
    }

    private static GenerationSettings fromJson(String json) {
        try {
            return SETTINGS_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the project file holds run settings it wrote itself", e);
        }
    }
}
