package dev.lectern.storage;

import dev.lectern.lecture.Batch;
import dev.lectern.lecture.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Batches of runs (schema 5): the group, its pause and cancel flags, and the count of its runs per status. */
public final class BatchRepository {
    private final Database db;

    BatchRepository(Database db) {
        this.db = db;
    }

    /** A new batch of the given runs, already inserted; in one transaction with them when joined to one. */
    public void insert(String batchId, String lectureId, Instant createdAt, List<String> runIds) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batches (id, lecture_id, created_at) VALUES (?, ?, ?)")) {
                ps.setString(1, batchId);
                ps.setString(2, lectureId);
                ps.setString(3, createdAt.toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET batch_id = ? WHERE id = ?")) {
                for (String runId : runIds) {
                    ps.setString(1, batchId);
                    ps.setString(2, runId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<Batch> find(String batchId) {
        return db.read(c -> query(c, " WHERE b.id = ?", batchId)).stream().findFirst();
    }

    /** Every batch, newest first. */
    public List<Batch> list() {
        return db.read(c -> query(c, ""));
    }

    /** The batch a run belongs to, if any. */
    public Optional<String> batchOf(String runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT batch_id FROM runs WHERE id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The ids of all the batch's runs, oldest first. */
    public List<String> runIds(String batchId) {
        return runIds(batchId, null);
    }

    /** The ids of the batch's runs in {@code status} (any when null), oldest first (the order they were queued in). */
    public List<String> runIds(String batchId, RunStatus status) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE batch_id = ?"
                    + (status == null ? "" : " AND status = ?") + " ORDER BY created_at, id")) {
                ps.setString(1, batchId);
                if (status != null) {
                    ps.setString(2, status.wireName());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    public void setPaused(String batchId, boolean paused) {
        flag(batchId, "paused", paused);
    }

    public void markCancelled(String batchId) {
        flag(batchId, "cancelled", true);
    }

    private void flag(String batchId, String column, boolean on) {
        db.write(c -> {
            // The column is one of two names written above, never input.
            try (PreparedStatement ps = c.prepareStatement("UPDATE batches SET " + column + " = ? WHERE id = ?")) {
                ps.setInt(1, on ? 1 : 0);
                ps.setString(2, batchId);
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("batch " + batchId + " is not in the project");
                }
            }
            return null;
        });
    }

    private static List<Batch> query(Connection c, String where, String... args) throws SQLException {
        Map<String, Map<RunStatus, Integer>> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.batch_id, r.status, COUNT(*) FROM runs r JOIN batches b ON b.id = r.batch_id"
                + where + " GROUP BY r.batch_id, r.status")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(RunStatus.class))
                            .put(RunStatus.fromWire(rs.getString(2)), rs.getInt(3));
                }
            }
        }
        List<Batch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.lecture_id, b.created_at, b.paused, b.cancelled FROM batches b"
                + where + " ORDER BY b.created_at DESC, b.id DESC")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Batch(rs.getString(1), rs.getString(2), StoredInstants.parse(rs.getString(3)), rs.getInt(4) != 0,
                            rs.getInt(5) != 0, counts.getOrDefault(rs.getString(1), Map.of())));
                }
            }
        }
        return out;
    }

    private static void bind(PreparedStatement ps, String... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setString(i + 1, args[i]);
        }
    }
}
