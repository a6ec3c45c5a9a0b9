package dev.lectern.storage;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.GenerationSettings;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunMessage;
import dev.lectern.lecture.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Regeneration runs, their memoized step outputs and their messages. A step's output is written in the
 * same transaction as the state it produced, so after a crash a run resumes at its first unfinished step.
 */
public final class RunRepository {
    private final Database db;

    RunRepository(Database db) {
        this.db = db;
    }

    public void insert(Run run) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO runs (id, lecture_id, segment_id, status, requested_prompt, requested_model, created_at, updated_at,
                      requested_candidates, requested_seed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, run.id());
                ps.setString(2, run.lectureId());
                ps.setString(3, run.segmentId());
                ps.setString(4, run.status().wireName());
                ps.setString(5, run.requestedPrompt());
                ps.setString(6, run.requestedModel());
                ps.setString(7, run.createdAt().toString());
                ps.setString(8, run.updatedAt().toString());
                ps.setObject(9, run.requestedCandidates());
                ps.setObject(10, run.requestedSeed());
                ps.executeUpdate();
            }
            for (RunMessage m : run.messages()) {
                appendMessage(c, run.id(), m);
            }
            return null;
        });
    }

    /** Writes the run's state; messages not yet stored are appended. Decision and cancel flags are left alone. */
    public void update(Run run) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE runs SET status = ?, review_outcome = ?, settings_json = ?, preview_image_key = ?, preview_version = ?,
                      error = ?, updated_at = ?, wait_expires_at = ? WHERE id = ?""")) {
                ps.setString(1, run.status().wireName());
                ps.setString(2, run.reviewOutcome() == null ? null : run.reviewOutcome().wireName());
                ps.setString(3, run.settings() == null ? null : toJson(run.settings()));
                ps.setString(4, run.preview() == null ? null : run.preview().startingImageId());
                ps.setObject(5, run.preview() == null ? null : run.preview().version());
                ps.setString(6, run.error());
                ps.setString(7, run.updatedAt().toString());
                ps.setString(8, run.waitExpiresAt() == null ? null : run.waitExpiresAt().toString());
                ps.setString(9, run.id());
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("run " + run.id() + " is not in the project");
                }
            }
            int stored = messageCount(c, run.id());
            for (RunMessage m : run.messages().subList(Math.min(stored, run.messages().size()), run.messages().size())) {
                appendMessage(c, run.id(), m);
            }
            return null;
        });
    }

    public Optional<Run> find(String runId) {
        return db.read(c -> RunRows.query(c, " WHERE r.id = ?", "", runId)).stream().findFirst();
    }

    /** Every run, newest first. */
    public List<Run> list() {
        return db.read(c -> RunRows.query(c, "", " ORDER BY r.created_at DESC, r.id DESC"));
    }

    /**
     * A page of runs, newest first: at most {@code limit}, older than run {@code beforeId} when given (the last of
     * the previous page), in {@code status} when given; the live runs, or with {@code archived} only the archived
     * ones. Opening a project with thousands of runs reads one page.
     */
    public List<Run> page(int limit, String beforeId, RunStatus status, boolean archived) {
        // archived_at IS NULL lets the live page walk the partial index runs_live_by_time.
        List<String> where = new ArrayList<>(List.of(archived ? "r.archived_at IS NOT NULL" : "r.archived_at IS NULL"));
        List<String> args = new ArrayList<>();
        if (beforeId != null) {
            where.add("(r.created_at, r.id) < (SELECT created_at, id FROM runs WHERE id = ?)");
            args.add(beforeId);
        }
        if (status != null) {
            where.add("r.status = ?");
            args.add(status.wireName());
        }
        // The page is chosen once, inside: the runs' messages and candidates are then read for that page only.
        String clause = " WHERE r.id IN (SELECT r.id FROM runs r WHERE " + String.join(" AND ", where)
                + " ORDER BY r.created_at DESC, r.id DESC LIMIT " + Math.max(1, limit) + ")";
        return db.read(c -> RunRows.query(c, clause, " ORDER BY r.created_at DESC, r.id DESC", args.toArray(String[]::new)));
    }

    /**
     * The newest {@code limit} live runs and every unfinished one, newest first, in one read: what the window shows
     * on opening. Archived runs are left in the file (an unfinished run is never archived).
     */
    public List<Run> recentAndUnfinished(int limit) {
        String clause = " WHERE r.id IN (SELECT r.id FROM runs r WHERE r.archived_at IS NULL ORDER BY r.created_at DESC, r.id DESC LIMIT "
                + Math.max(1, limit) + ") OR r.status IN ('queued', 'running', 'awaiting_review')";
        return db.read(c -> RunRows.query(c, clause, " ORDER BY r.created_at DESC, r.id DESC"));
    }

    /**
     * Archives, in one transaction, the finished runs (see {@link RunStatus#isTerminal}) last changed before
     * {@code cutoff}: they stay in the file, found by id and counted in their batch, but the window and
     * {@code lectern runs} no longer read them. Returns how many were archived; queued, running and awaiting-review
     * runs are never touched.
     */
    public int archiveFinishedBefore(Instant cutoff, Instant now) {
        String finished = Arrays.stream(RunStatus.values()).filter(RunStatus::isTerminal)
                .map(s -> "'" + s.wireName() + "'").collect(Collectors.joining(", "));
        return db.write(c -> {
            // updated_at is Instant.toString(), whose fraction varies in length, so the text does not sort as time:
            // the cutoff is compared in Java.
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, updated_at FROM runs WHERE archived_at IS NULL AND status IN (" + finished + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (StoredInstants.parse(rs.getString(2)).isBefore(cutoff)) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET archived_at = ? WHERE id = ? AND archived_at IS NULL")) {
                for (String id : ids) {
                    ps.setString(1, now.toString());
                    ps.setString(2, id);
                    ps.addBatch();
                }
                if (!ids.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return ids.size();
        });
    }

    /** The runs of a batch, oldest first. */
    public List<Run> inBatch(String batchId) {
        return db.read(c -> RunRows.query(c, " WHERE r.batch_id = ?", " ORDER BY r.created_at, r.id", batchId));
    }

    /** The unfinished runs of one segment (a new regenerate supersedes them). */
    public List<Run> unfinished(String lectureId, String segmentId) {
        return db.read(c -> RunRows.query(c, " WHERE r.lecture_id = ? AND r.segment_id = ? AND r.status IN ('queued', 'running', 'awaiting_review')",
                " ORDER BY r.created_at, r.id", lectureId, segmentId));
    }

    /** Runs that are not finished: queued, running or awaiting review. */
    public List<Run> unfinished() {
        return db.read(c -> RunRows.query(c, " WHERE r.status IN ('queued', 'running', 'awaiting_review')", " ORDER BY r.created_at, r.id"));
    }

    public Optional<String> stepOutput(String runId, String step) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT output_json FROM run_steps WHERE run_id = ? AND step = ?")) {
                ps.setString(1, runId);
                ps.setString(2, step);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The names of the run's steps recorded as done, in one read. */
    public Set<String> completedSteps(String runId) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT step FROM run_steps WHERE run_id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Records a step as done. Call inside the transaction that made its effects. */
    public void completeStep(String runId, String step, String outputJson, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run_steps (run_id, step, output_json, completed_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setString(2, step);
                ps.setString(3, outputJson);
                ps.setString(4, at.toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * The author's answer, recorded by any process; applied by the workflow. False if it was already answered.
     *
     * @param candidate the candidate accepted (1-based); null for a rejection
     */
    public boolean recordDecision(String runId, ReviewOutcome decision, Integer candidate) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET review_decision = ?, decision_candidate = ? "
                    + "WHERE id = ? AND review_decision IS NULL AND status = 'awaiting_review'")) {
                ps.setString(1, decision.wireName());
                ps.setObject(2, candidate);
                ps.setString(3, runId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The candidate the recorded answer accepts, if the answer was an accept. */
    public Optional<Integer> decidedCandidate(String runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT decision_candidate FROM runs WHERE id = ? AND review_decision = 'accepted'")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int index = rs.getInt(1);
                    return rs.wasNull() ? Optional.of(1) : Optional.of(index); // recorded before candidates: the one preview
                }
            }
        });
    }

    /** Stores one received image of a run as its candidate {@code candidate.index()}. Call inside the transaction that stored the version. */
    public void addCandidate(String runId, Candidate candidate) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO run_candidates (run_id, idx, image_key, version) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, runId);
                ps.setInt(2, candidate.index());
                ps.setString(3, candidate.imageKey());
                ps.setInt(4, candidate.version());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks a candidate discarded; false if the run has no such candidate or it already was. */
    public boolean discard(String runId, int index, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE run_candidates SET discarded_at = ? WHERE run_id = ? AND idx = ? AND discarded_at IS NULL")) {
                ps.setString(1, at.toString());
                ps.setString(2, runId);
                ps.setInt(3, index);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<ReviewOutcome> decision(String runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT review_decision FROM runs WHERE id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(ReviewOutcome.fromWire(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    public void requestCancel(String runId) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET cancel_requested = 1 WHERE id = ?")) {
                ps.setString(1, runId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public boolean cancelRequested(String runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cancel_requested FROM runs WHERE id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) != 0;
                }
            }
        });
    }

    private static void appendMessage(Connection c, String runId, RunMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO run_messages (run_id, seq, at, text) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM run_messages WHERE run_id = ?), ?, ?)")) {
            ps.setString(1, runId);
            ps.setString(2, runId);
            ps.setString(3, m.at().toString());
            ps.setString(4, m.text());
            ps.executeUpdate();
        }
    }

    private static int messageCount(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM run_messages WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String toJson(GenerationSettings settings) {
        return JsonSupport.write(settings);
    }
}
