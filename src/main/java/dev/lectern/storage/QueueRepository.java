package dev.lectern.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue of runs (schema 7): whether the whole queue is paused, what holds a queued run back, and the runs'
 * order. A pause is a row in the file, so it survives a restart; a running call finishes, nothing new starts.
 */
public final class QueueRepository {
    /** What keeps a queued run from starting its call, if anything; the queue's pause is named first. */
    public enum Hold { NONE, QUEUE_PAUSED, BATCH_PAUSED, BATCH_CANCELLED }

    private final Database db;

    QueueRepository(Database db) {
        this.db = db;
    }

    public boolean paused() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT paused FROM queue WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) != 0;
            }
        });
    }

    public void setPaused(boolean paused, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE queue SET paused = ?, changed_at = ? WHERE id = 1")) {
                ps.setInt(1, paused ? 1 : 0);
                ps.setString(2, at.toString());
                if (ps.executeUpdate() != 1) {
                    throw new SQLException("the project file has no queue row");
                }
            }
            return null;
        });
    }

    /** One read for both pauses and the cancel of the run's batch: it is asked before every call. */
    public Hold holdOf(String runId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT paused FROM queue WHERE id = 1), b.paused, b.cancelled"
                    + " FROM runs r LEFT JOIN batches b ON b.id = r.batch_id WHERE r.id = ?")) {
                ps.setString(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Hold.NONE;
                    }
                    if (rs.getInt(1) != 0) {
                        return Hold.QUEUE_PAUSED;
                    }
                    return rs.getInt(3) != 0 ? Hold.BATCH_CANCELLED : rs.getInt(2) != 0 ? Hold.BATCH_PAUSED : Hold.NONE;
                }
            }
        });
    }

    /** The places of queued runs moved to the front (the rest have place 0). */
    public Map<String, Integer> placesOfQueued() {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, priority FROM runs WHERE priority <> 0 AND status = 'queued'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Puts the runs ahead of every other run of the project, in one commit; returns the place they now share. */
    public int moveToFront(List<String> runIds) {
        return db.write(c -> {
            int front;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(priority), 0) + 1 FROM runs");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                front = rs.getInt(1);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET priority = ? WHERE id = ?")) {
                for (String runId : runIds) {
                    ps.setInt(1, front);
                    ps.setString(2, runId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return front;
        });
    }
}
