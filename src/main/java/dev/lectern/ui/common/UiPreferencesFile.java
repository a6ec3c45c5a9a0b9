package dev.lectern.ui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON form of {@link UiPreferences}. Preferences are a convenience: a missing, damaged or partly wrong
 * file gives the defaults for what cannot be read, with a warning, and never stops the window from opening.
 */
final class UiPreferencesFile {
    private static final Logger LOG = LoggerFactory.getLogger(UiPreferencesFile.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int FORMAT_VERSION = 1;

    /** Everything stored; mutable, guarded by the owning {@link UiPreferences}. */
    static final class Values {
        boolean dark;
        WindowBounds mainWindow;
        final Map<String, double[]> dividers = new LinkedHashMap<>();

        Values copy() {
            Values c = new Values();
            c.dark = dark;
            c.mainWindow = mainWindow;
            dividers.forEach((k, v) -> c.dividers.put(k, v.clone()));
            return c;
        }
    }

    private final Path file;

    UiPreferencesFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    Values read() {
        Values values = new Values();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return values;
        } catch (IOException e) {
            LOG.warn("{} could not be read, using default window preferences: {}", file, firstLine(e));
            return values;
        }
        if (root == null || !root.isObject()) {
            LOG.warn("{} is not a JSON object, using default window preferences", file);
            return values;
        }
        values.dark = "dark".equals(root.path("theme").asText("light"));
        values.mainWindow = bounds(root.path("mainWindow"));
        root.path("dividers").fields().forEachRemaining(e -> {
            double[] positions = fractions(e.getValue());
            if (positions != null) {
                values.dividers.put(e.getKey(), positions);
            }
        });
        return values;
    }

    void write(Values values) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        root.put("theme", values.dark ? "dark" : "light");
        if (values.mainWindow != null) {
            WindowBounds b = values.mainWindow;
            ObjectNode w = root.putObject("mainWindow");
            w.put("x", b.x());
            w.put("y", b.y());
            w.put("width", b.width());
            w.put("height", b.height());
            w.put("maximized", b.maximized());
        }
        ObjectNode dividers = root.putObject("dividers");
        values.dividers.forEach((name, positions) -> {
            ArrayNode array = dividers.putArray(name);
            for (double p : positions) {
                array.add(p);
            }
        });
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }

    private WindowBounds bounds(JsonNode w) {
        if (!w.isObject()) {
            return null;
        }
        for (String field : new String[] {"x", "y", "width", "height"}) {
            if (!w.path(field).isNumber()) {
                LOG.warn("{}: mainWindow.{} is missing or not a number; the window opens at its default place", file, field);
                return null;
            }
        }
        double width = w.path("width").asDouble();
        double height = w.path("height").asDouble();
        if (width < 1 || height < 1) {
            return null;
        }
        return new WindowBounds(w.path("x").asDouble(), w.path("y").asDouble(), width, height, w.path("maximized").asBoolean(false));
    }

    /** Divider positions are fractions of the pane, 0 to 1; anything else is dropped. */
    private static double[] fractions(JsonNode array) {
        if (!array.isArray() || array.isEmpty()) {
            return null;
        }
        double[] result = new double[array.size()];
        for (int i = 0; i < result.length; i++) {
            JsonNode n = array.get(i);
            if (!n.isNumber() || n.asDouble() < 0 || n.asDouble() > 1) {
                return null;
            }
            result[i] = n.asDouble();
        }
        return result;
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
