package dev.lectern.storage;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageInfo;
import dev.lectern.lecture.ImageVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Image versions: immutable once written. Bytes are stored exactly as they came, content-addressed by
 * sha256, so identical images share one blob. A version row is only ever written together with its blob.
 */
public final class ImageRepository {
    private static final String COLUMNS =
            "image_key, version, sha256, media_type, width, height, byte_size, model, prompt, seed, created_at";

    private final Database db;
    private final Clock clock;

    ImageRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What a new version records besides its bytes. */
    public record Provenance(String model, String prompt, Long seed) {
        public static final Provenance UNKNOWN = new Provenance(null, null, null);
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
            ImageVersion v = new ImageVersion(imageKey, version, image.sha256(), info.mediaType(), info.width(),
                    info.height(), image.bytes().length, provenance.model(), provenance.prompt(), provenance.seed(), now);
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
                "SELECT " + COLUMNS + " FROM image_versions WHERE image_key = ? AND sha256 = ? ORDER BY version DESC LIMIT 1",
                imageKey, image.sha256())).stream().findFirst();
        return same.orElseGet(() -> add(imageKey, image, provenance));
    }

    public Optional<ImageVersion> find(String imageKey, int version) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM image_versions WHERE image_key = ? AND version = ?",
                imageKey, version)).stream().findFirst();
    }

    public List<ImageVersion> versions(String imageKey) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM image_versions WHERE image_key = ? ORDER BY version",
                imageKey));
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

    private static int nextVersion(Connection c, String imageKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM image_versions WHERE image_key = ?")) {
            ps.setString(1, imageKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void insertVersion(Connection c, ImageVersion v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO image_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, v.imageKey());
            ps.setInt(2, v.version());
            ps.setString(3, v.sha256());
            ps.setString(4, v.mediaType());
            ps.setInt(5, v.width());
            ps.setInt(6, v.height());
            ps.setLong(7, v.byteSize());
            ps.setString(8, v.model());
            ps.setString(9, v.prompt());
            if (v.seed() == null) {
                ps.setNull(10, Types.INTEGER);
            } else {
                ps.setLong(10, v.seed());
            }
            ps.setString(11, v.createdAt().toString());
            ps.executeUpdate();
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
                    long seed = rs.getLong(10);
                    out.add(new ImageVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getInt(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                            rs.wasNull() ? null : seed, StoredInstants.parse(rs.getString(11))));
                }
            }
            return out;
        }
    }
}
