package dev.lectern.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Control requests (schema 6): a cancel, pause or resume left in the file by a process that could not take the
 * project's lock, for the holder to apply and answer (decision 0020). The only writes such a process makes.
 */
public final class ControlRequestRepository {
    /** One request; {@code appliedAt} and {@code outcome} are null until the holder applied it. */
    public record Request(long id, String kind, String target, Instant requestedAt, String requestedBy, Instant appliedAt, String outcome) {
        public boolean applied() {
            return appliedAt != null;
        }
    }

    private final Database db;

    ControlRequestRepository(Database db) {
        this.db = db;
    }

    /** Records a request and returns its id. */
    public long request(String kind, String target, String requestedBy, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO control_requests (kind, target, requested_at, requested_by) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind);
                ps.setString(2, target);
                ps.setString(3, at.toString());
                ps.setString(4, requestedBy);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Requests not yet applied, oldest first. */
    public List<Request> pending() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE applied_at IS NULL ORDER BY id")) {
                return rows(ps);
            }
        });
    }

    public Optional<Request> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
                ps.setLong(1, id);
                return rows(ps).stream().findFirst();
            }
        });
    }

    public void applied(long id, String outcome, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE control_requests SET applied_at = ?, outcome = ? WHERE id = ?")) {
                ps.setString(1, at.toString());
                ps.setString(2, outcome);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String SELECT = "SELECT id, kind, target, requested_at, requested_by, applied_at, outcome FROM control_requests";

    private static List<Request> rows(PreparedStatement ps) throws java.sql.SQLException {
        List<Request> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String applied = rs.getString(6);
                out.add(new Request(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)), rs.getString(5),
                        applied == null ? null : Instant.parse(applied), rs.getString(7)));
            }
        }
        return out;
    }
}
