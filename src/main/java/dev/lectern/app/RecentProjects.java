package dev.lectern.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lectern.provider.UserDirectories;
import dev.lectern.storage.AtomicFiles;
import dev.lectern.storage.JsonSupport;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The projects opened last, newest first, kept in the user's config directory. */
@Singleton
public final class RecentProjects {
    private static final Logger LOG = LoggerFactory.getLogger(RecentProjects.class);
    static final int MAX = 10;
    private final Path file;

    @Inject
    public RecentProjects(UserDirectories dirs) {
        this.file = dirs.configDir().resolve("recent-projects.json");
    }

    public synchronized List<Path> list() {
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            JsonNode root = JsonSupport.MAPPER.readTree(file.toFile());
            root.path("recent").forEach(n -> {
                if (n.isTextual()) {
                    out.add(Path.of(n.asText()));
                }
            });
        } catch (IOException | RuntimeException e) {
            // A damaged list only costs the author their recent files, never the start-up.
            LOG.warn("Ignoring unreadable {}: {}", file, e.getMessage());
        }
        return out;
    }

    public synchronized void remember(Path project) {
        List<Path> next = new ArrayList<>(List.of(project.toAbsolutePath()));
        list().stream().filter(p -> !p.toAbsolutePath().equals(project.toAbsolutePath())).limit(MAX - 1).forEach(next::add);
        ArrayNode array = JsonSupport.MAPPER.createArrayNode();
        next.forEach(p -> array.add(p.toString()));
        try {
            AtomicFiles.write(file, JsonSupport.MAPPER.writeValueAsBytes(JsonSupport.MAPPER.createObjectNode().set("recent", array)));
        } catch (IOException e) {
            LOG.warn("Could not remember {} as a recent project: {}", project, e.getMessage());
        }
    }
}
