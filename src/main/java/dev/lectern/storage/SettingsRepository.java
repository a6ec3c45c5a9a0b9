package dev.lectern.storage;

import dev.lectern.lecture.ProjectSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** The project's settings, one row per key; an unset key has no row. */
public final class SettingsRepository {
    private final Database db;

    SettingsRepository(Database db) {
        this.db = db;
    }

    public ProjectSettings load() {
        Map<String, String> values = db.read(c -> {
            Map<String, String> map = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (ProjectSettings.KEYS.contains(rs.getString(1))) {
                        map.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return map;
        });
        return ProjectSettings.fromMap(values);
    }

    public void save(ProjectSettings settings) {
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM settings");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)")) {
                delete.executeUpdate();
                for (Map.Entry<String, String> e : settings.asMap().entrySet()) {
                    if (e.getValue() != null) {
                        insert.setString(1, e.getKey());
                        insert.setString(2, e.getValue());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }
}
