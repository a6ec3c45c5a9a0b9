package dev.lectern.storage;

import dev.lectern.lecture.SegmentDraft;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Segment drafts by segment id; an empty draft has no row. */
public final class DraftRepository {
    private final Database db;
    private final Clock clock;

    DraftRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Map<String, SegmentDraft> load(String lectureId) {
        return db.read(c -> {
            Map<String, SegmentDraft> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT segment_id, prompt, model, seed FROM drafts WHERE lecture_id = ?")) {
                ps.setString(1, lectureId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seed = rs.getLong(4);
                        out.put(rs.getString(1), new SegmentDraft(rs.getString(2), rs.getString(3), rs.wasNull() ? null : seed));
                    }
                }
            }
            return out;
        });
    }

    /** Replaces the lecture's drafts with {@code drafts} in one transaction (empty drafts are dropped). */
    public void saveAll(String lectureId, Map<String, SegmentDraft> drafts) {
        String now = clock.instant().toString();
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM drafts WHERE lecture_id = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO drafts (lecture_id, segment_id, prompt, model, seed, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                delete.setString(1, lectureId);
                delete.executeUpdate();
                for (Map.Entry<String, SegmentDraft> e : drafts.entrySet()) {
                    if (e.getValue().isEmpty()) {
                        continue;
                    }
                    insert.setString(1, lectureId);
                    insert.setString(2, e.getKey());
                    insert.setString(3, e.getValue().prompt());
                    insert.setString(4, e.getValue().model());
                    insert.setObject(5, e.getValue().seed());
                    insert.setString(6, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
