package dev.lectern.storage;

import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.LectureSummary;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lectures and their segments. A lecture is always written whole, in one transaction. */
public final class LectureRepository {
    /** Across lectures: in lecture order, then position. */
    private static final String IN_LECTURE_ORDER = " ORDER BY (SELECT sort_key FROM lectures l WHERE l.id = s.lecture_id), s.lecture_id, s.position";
    /** Within one lecture: the index gives this order, with no sort and no subquery per row. */
    private static final String BY_POSITION = " ORDER BY s.position";
    private static final String SEGMENT_COLUMNS = "lecture_id, id, position, title, video_path, starting_image_id, "
            + "starting_image_model, prompt, starting_image_url, image_version, extra_json";

    private final Database db;

    LectureRepository(Database db) {
        this.db = db;
    }

    public List<LectureSummary> list() {
        return db.read(c -> {
            List<LectureSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT l.id, l.title, l.revision, l.updated_at, (SELECT COUNT(*) FROM segments s WHERE s.lecture_id = l.id)
                    FROM lectures l ORDER BY l.sort_key, l.id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LectureSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)));
                }
            }
            return out;
        });
    }

    public Optional<Lecture> load(String lectureId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, title, revision, updated_at, other_content_json, extra_json FROM lectures WHERE id = ?")) {
                ps.setString(1, lectureId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    List<VideoAsset> videos = segments(c, "WHERE lecture_id = ?", BY_POSITION, lectureId).stream()
                            .map(LectureSegment::video).toList();
                    return Optional.of(new Lecture(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            videos, JsonSupport.readMap(rs.getString(5)), JsonSupport.readMap(rs.getString(6))));
                }
            }
        });
    }

    /** Every segment of every lecture, in lecture order then position. */
    public List<LectureSegment> allSegments() {
        return db.read(c -> segments(c, "", IN_LECTURE_ORDER));
    }

    /** Finds a segment by id across lectures; an id used by two lectures must be given as LECTURE/SEGMENT. */
    public Optional<LectureSegment> findSegment(String reference) {
        int slash = reference.indexOf('/');
        List<LectureSegment> found = slash > 0
                ? db.read(c -> segments(c, "WHERE lecture_id = ? AND id = ?", IN_LECTURE_ORDER, reference.substring(0, slash), reference.substring(slash + 1)))
                : db.read(c -> segments(c, "WHERE id = ?", IN_LECTURE_ORDER, reference));
        if (found.size() > 1) {
            throw new InvalidInputException("segment " + reference + " exists in " + found.size()
                    + " lectures; name it as LECTURE_ID/" + reference);
        }
        return found.stream().findFirst();
    }

    /** {@link #findSegment}, or a message that says where to look when there is no such segment. */
    public LectureSegment requireSegment(String reference) {
        return findSegment(reference).orElseThrow(() -> new InvalidInputException("there is no segment " + reference + " in "
                + db.file().getFileName() + "; 'lectern segments' lists them"));
    }

    /** Writes {@code lecture} whole, replacing any lecture with the same id and all of its segments. */
    public void save(Lecture lecture) {
        db.write(c -> {
            try (PreparedStatement upsert = c.prepareStatement("""
                    INSERT INTO lectures (id, title, revision, updated_at, other_content_json, extra_json, sort_key)
                    VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(sort_key), 0) + 1 FROM lectures))
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title, revision = excluded.revision,
                      updated_at = excluded.updated_at, other_content_json = excluded.other_content_json,
                      extra_json = excluded.extra_json""");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM segments WHERE lecture_id = ?")) {
                upsert.setString(1, lecture.id());
                upsert.setString(2, lecture.title());
                upsert.setLong(3, lecture.revision());
                upsert.setString(4, lecture.updatedAt());
                upsert.setString(5, JsonSupport.write(lecture.otherContent()));
                upsert.setString(6, JsonSupport.write(lecture.extra()));
                upsert.executeUpdate();
                delete.setString(1, lecture.id());
                delete.executeUpdate();
            }
            insertSegments(c, lecture);
            return null;
        });
    }

    /**
     * Seed §5.7 in one statement each: replaces one segment (same id, same position) and moves the lecture to its
     * next revision, stamped {@code now}. Rewriting the other segments of a long lecture would cost more than the
     * image itself. Join it to the caller's transaction with the version it points at.
     */
    public void commitSegment(String lectureId, VideoAsset segment, Instant now) {
        db.write(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE segments SET title = ?, video_path = ?, starting_image_id = ?, "
                    + "starting_image_model = ?, prompt = ?, starting_image_url = ?, image_key = ?, image_version = ?, extra_json = ? "
                    + "WHERE lecture_id = ? AND id = ?");
                 PreparedStatement bump = c.prepareStatement("UPDATE lectures SET revision = revision + 1, updated_at = ? WHERE id = ?")) {
                update.setString(1, segment.title());
                update.setString(2, segment.videoPath());
                update.setString(3, segment.startingImageId());
                update.setString(4, segment.startingImageModel());
                update.setString(5, segment.segmentStartImagePrompt());
                update.setString(6, segment.startingImageUrl());
                update.setString(7, segment.imageVersion() == null ? null : segment.imageKey());
                if (segment.imageVersion() == null) {
                    update.setNull(8, Types.INTEGER);
                } else {
                    update.setInt(8, segment.imageVersion());
                }
                update.setString(9, JsonSupport.write(segment.extra()));
                update.setString(10, lectureId);
                update.setString(11, segment.id());
                if (update.executeUpdate() != 1) {
                    throw new InvalidInputException("segment " + segment.id() + " of lecture " + lectureId + " no longer exists; nothing was changed");
                }
                bump.setString(1, Timestamps.format(now));
                bump.setString(2, lectureId);
                bump.executeUpdate();
            }
            return null;
        });
    }

    public boolean delete(String lectureId) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM lectures WHERE id = ?")) {
                ps.setString(1, lectureId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static void insertSegments(Connection c, Lecture lecture) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO segments (" + SEGMENT_COLUMNS
                + ", image_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (VideoAsset v : lecture.videos()) {
                ps.setString(1, lecture.id());
                ps.setString(2, v.id());
                ps.setInt(3, position++);
                ps.setString(4, v.title());
                ps.setString(5, v.videoPath());
                ps.setString(6, v.startingImageId());
                ps.setString(7, v.startingImageModel());
                ps.setString(8, v.segmentStartImagePrompt());
                ps.setString(9, v.startingImageUrl());
                if (v.imageVersion() == null) {
                    ps.setNull(10, Types.INTEGER);
                } else {
                    ps.setInt(10, v.imageVersion());
                }
                ps.setString(11, JsonSupport.write(v.extra()));
                ps.setString(12, v.imageVersion() == null ? null : v.imageKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<LectureSegment> segments(Connection c, String where, String order, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SEGMENT_COLUMNS + " FROM segments s " + where + order)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<LectureSegment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int version = rs.getInt(10);
                    Integer imageVersion = rs.wasNull() ? null : version;
                    VideoAsset v = new VideoAsset(rs.getString(2), rs.getString(4), rs.getInt(3), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), imageVersion,
                            JsonSupport.readMap(rs.getString(11)));
                    out.add(new LectureSegment(rs.getString(1), v));
                }
            }
            return out;
        }
    }
}
