package dev.lectern.storage;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageInfo;
import dev.lectern.lecture.ImageVersion;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VersionSource;
import dev.lectern.lecture.VersionStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Image versions: immutable once written. Bytes are stored exactly as they came, content-addressed by
 * sha256, so identical images — and every restore — share one blob. A version row is only ever written
 * together with its blob, and a version number is never given out twice for one image (decision 0016).
 */
public final class ImageRepository {
    private static final String COLUMNS = "v.image_key, v.version, v.sha256, v.media_type, v.width, v.height, v.byte_size, v.model, "
            + "v.prompt, v.styled_prompt, v.seed, v.source, v.restored_from, v.created_at";
    /** A version with where it stands: is a segment pointing at it, and which run's candidate is it. */
    private static final String HISTORY = "SELECT " + COLUMNS + ", "
            + "EXISTS (SELECT 1 FROM segments s WHERE s.image_key = v.image_key AND s.image_version = v.version), "
            + "c.run_id, c.idx, c.discarded_at IS NOT NULL, r.status, "
            + "COALESCE(r.review_outcome = 'accepted' AND r.decision_candidate = c.idx, 0) "
            + "FROM image_versions v "
            + "LEFT JOIN run_candidates c ON c.image_key = v.image_key AND c.version = v.version "
            + "LEFT JOIN runs r ON r.id = c.run_id ";

    private final Database db;
    private final Clock clock;

    ImageRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * What a new version records besides its bytes.
     *
     * @param prompt       the author's prompt
     * @param styledPrompt what the model received, null when it is the prompt or unknown
     */
    public record Provenance(String model, String prompt, String styledPrompt, Long seed, VersionSource source) {
        public static final Provenance UNKNOWN = new Provenance(null, null, null);

        /** A version that came with the lecture. */
        public Provenance(String model, String prompt, Long seed) {
            this(model, prompt, null, seed, VersionSource.IMPORT);
        }
    }

    /** What {@link #prune} removed (or would remove), and the bytes of the blobs no version needs any more. */
    public record Pruned(List<VersionEntry> versions, long bytesFreed) {
    }

    /**
     * Stores {@code image} as the next version of {@code imageKey}. The image was checked and hashed where its
     * bytes entered ({@link ImageContent}), so the commit only writes. Throws
     * {@link dev.lectern.lecture.InvalidInputException} for a bad image id.
     */
    public ImageVersion add(String imageKey, ImageContent image, Provenance provenance) {
        Ids.requireValid("image id", imageKey);
        ImageInfo info = image.info();
        Instant now = clock.instant();
        return db.write(c -> {
            insertBlob(c, image.sha256(), image.bytes());
            int version = nextVersion(c, imageKey);
            ImageVersion v = new ImageVersion(imageKey, version, image.sha256(), info.mediaType(), info.width(), info.height(),
                    image.bytes().length, provenance.model(), provenance.prompt(), provenance.styledPrompt(), provenance.seed(),
                    provenance.source(), null, now);
            insertVersion(c, v);
            return v;
        });
    }

    /** {@link #add} for bytes this program made: their header is checked here ({@link ImageContent#inspected}). */
    public ImageVersion add(String imageKey, byte[] bytes, Provenance provenance) {
        return add(imageKey, ImageContent.inspected(bytes), provenance);
    }

    /** Like {@link #add}, but an identical image already stored under {@code imageKey} is reused, not copied. */
    public ImageVersion addUnlessPresent(String imageKey, ImageContent image, Provenance provenance) {
        Optional<ImageVersion> same = db.read(c -> query(c,
                "SELECT " + COLUMNS + " FROM image_versions v WHERE v.image_key = ? AND v.sha256 = ? ORDER BY v.version DESC LIMIT 1",
                imageKey, image.sha256())).stream().findFirst();
        return same.orElseGet(() -> add(imageKey, image, provenance));
    }

    /**
     * A new version that shows {@code fromVersion}'s bytes again: the same blob (nothing is copied), the same
     * prompt, model and seed, source {@code restored}. Join it to the transaction that points the segment at it.
     */
    public ImageVersion restore(String imageKey, int fromVersion) {
        ImageVersion from = find(imageKey, fromVersion).orElseThrow(() -> new InvalidInputException(
                "image " + imageKey + " has no version " + fromVersion));
        Instant now = clock.instant();
        return db.write(c -> {
            ImageVersion v = new ImageVersion(imageKey, nextVersion(c, imageKey), from.sha256(), from.mediaType(), from.width(),
                    from.height(), from.byteSize(), from.model(), from.prompt(), from.styledPrompt(), from.seed(),
                    VersionSource.RESTORED, from.version(), now);
            insertVersion(c, v);
            return v;
        });
    }

    public Optional<ImageVersion> find(String imageKey, int version) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM image_versions v WHERE v.image_key = ? AND v.version = ?",
                imageKey, version)).stream().findFirst();
    }

    public List<ImageVersion> versions(String imageKey) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM image_versions v WHERE v.image_key = ? ORDER BY v.version",
                imageKey));
    }

    /** Every version of {@code imageKey}, newest first, with where it stands. */
    public List<VersionEntry> history(String imageKey) {
        return db.read(c -> history(c, "WHERE v.image_key = ?", imageKey));
    }

    /**
     * Removes the versions nobody took or wanted (rejected and discarded candidates) of {@code imageKey}, or of
     * every image when it is null, in one transaction; blobs no remaining version uses go with them. Runs keep
     * their record; a run whose preview was removed has none. With {@code dryRun} only says what it would do.
     */
    public Pruned prune(String imageKey, boolean dryRun) {
        SqlWork<Pruned> work = c -> {
            List<VersionEntry> doomed = (imageKey == null ? history(c, "") : history(c, "WHERE v.image_key = ?", imageKey))
                    .stream().filter(e -> e.status().isPrunable()).toList();
            Map<String, Integer> doomedPerBlob = new HashMap<>();
            doomed.forEach(e -> doomedPerBlob.merge(e.version().sha256(), 1, Integer::sum));
            long freed = 0;
            Set<String> orphans = new LinkedHashSet<>();
            for (Map.Entry<String, Integer> blob : doomedPerBlob.entrySet()) {
                if (versionsUsing(c, blob.getKey()) == blob.getValue()) {
                    orphans.add(blob.getKey());
                    freed += blobSize(c, blob.getKey());
                }
            }
            if (!dryRun) {
                for (VersionEntry e : doomed) {
                    delete(c, e.version());
                }
                for (String sha : orphans) {
                    execute(c, "DELETE FROM blobs WHERE sha256 = ?", sha);
                }
            }
            return new Pruned(doomed, freed);
        };
        return dryRun ? db.read(work) : db.write(work);
    }

    /** The stored bytes of one version, exactly as they were added. */
    public Optional<byte[]> bytes(String imageKey, int version) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT b.bytes FROM image_versions v JOIN blobs b ON b.sha256 = v.sha256 WHERE v.image_key = ? AND v.version = ?")) {
                ps.setString(1, imageKey);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    private static void insertBlob(Connection c, String sha, byte[] bytes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO blobs (sha256, bytes) VALUES (?, ?)")) {
            ps.setString(1, sha);
            ps.setBytes(2, bytes);
            ps.executeUpdate();
        }
    }

    /**
     * The next version number of {@code imageKey}: one above the highest it ever had. {@code image_keys} keeps that
     * number when the newest versions are pruned, so (image, version) keeps naming the same bytes everywhere.
     */
    private static int nextVersion(Connection c, String imageKey) throws SQLException {
        try (PreparedStatement bump = c.prepareStatement("""
                INSERT INTO image_keys (image_key, last_version)
                VALUES (?, (SELECT COALESCE(MAX(version), 0) + 1 FROM image_versions WHERE image_key = ?))
                ON CONFLICT (image_key) DO UPDATE SET last_version = MAX(image_keys.last_version + 1, excluded.last_version)""");
             PreparedStatement read = c.prepareStatement("SELECT last_version FROM image_keys WHERE image_key = ?")) {
            bump.setString(1, imageKey);
            bump.setString(2, imageKey);
            bump.executeUpdate();
            read.setString(1, imageKey);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertVersion(Connection c, ImageVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO image_versions (image_key, version, sha256, media_type, width, "
                + "height, byte_size, model, prompt, styled_prompt, seed, source, restored_from, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.imageKey());
            ps.setInt(2, v.version());
            ps.setString(3, v.sha256());
            ps.setString(4, v.mediaType());
            ps.setInt(5, v.width());
            ps.setInt(6, v.height());
            ps.setLong(7, v.byteSize());
            ps.setString(8, v.model());
            ps.setString(9, v.prompt());
            ps.setString(10, v.styledPrompt());
            setLong(ps, 11, v.seed());
            ps.setString(12, v.source().wireName());
            if (v.restoredFrom() == null) {
                ps.setNull(13, Types.INTEGER);
            } else {
                ps.setInt(13, v.restoredFrom());
            }
            ps.setString(14, v.createdAt().toString());
            ps.executeUpdate();
        }
    }

    private static void delete(Connection c, ImageVersion v) throws SQLException {
        execute(c, "DELETE FROM run_candidates WHERE image_key = ? AND version = ?", v.imageKey(), v.version());
        execute(c, "UPDATE runs SET preview_image_key = NULL, preview_version = NULL WHERE preview_image_key = ? AND preview_version = ?",
                v.imageKey(), v.version());
        execute(c, "DELETE FROM image_versions WHERE image_key = ? AND version = ?", v.imageKey(), v.version());
    }

    private static int versionsUsing(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM image_versions WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long blobSize(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT length(bytes) FROM blobs WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }

    private static List<VersionEntry> history(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HISTORY + where + " ORDER BY v.image_key, v.version DESC")) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<VersionEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ImageVersion v = version(rs);
                    boolean current = rs.getBoolean(15);
                    String runId = rs.getString(16);
                    Integer index = runId == null ? null : rs.getInt(17);
                    VersionStatus.CandidateFate fate = runId == null ? null
                            : new VersionStatus.CandidateFate(RunStatus.fromWire(rs.getString(19)), rs.getBoolean(20), rs.getBoolean(18));
                    out.add(new VersionEntry(v, VersionStatus.of(current, v.source(), fate), runId, index));
                }
            }
            return out;
        }
    }

    private static List<ImageVersion> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<ImageVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
            return out;
        }
    }

    /** The {@link #COLUMNS} of the current row. */
    private static ImageVersion version(ResultSet rs) throws SQLException {
        long seed = rs.getLong(11);
        Long seedOrNull = rs.wasNull() ? null : seed;
        int restored = rs.getInt(13);
        Integer restoredFrom = rs.wasNull() ? null : restored;
        return new ImageVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), seedOrNull, VersionSource.fromWire(rs.getString(12)),
                restoredFrom, StoredInstants.parse(rs.getString(14)));
    }
}
