package dev.lectern.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lectern.lecture.InvalidInputException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user list of image servers, {@code <configDir>/providers.json}. Written field by field (no
 * reflection) so the file stays readable and stable, and so a key can never slip into it: only the NAMES of
 * environment variables are stored. Writes go to a temp file and are moved into place atomically.
 */
public final class ProvidersConfigStore {
    public static final String FILE_NAME = "providers.json";
    private static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    @Inject
    public ProvidersConfigStore(UserDirectories directories) {
        this(directories.configDir().resolve(FILE_NAME));
    }

    public ProvidersConfigStore(Path file) {
        this.file = file;
    }

    private Map<String, ProviderConfig> cached;
    private Object cachedStamp;

    public Path file() {
        return file;
    }

    public synchronized List<ProviderConfig> list() {
        return List.copyOf(read().values());
    }

    public synchronized Optional<ProviderConfig> get(String id) {
        return Optional.ofNullable(read().get(id));
    }

    /** Adds a provider; one with the same id is an error unless {@code replace}. */
    public synchronized void add(ProviderConfig config, boolean replace) {
        Map<String, ProviderConfig> all = read();
        if (all.containsKey(config.id()) && !replace) {
            throw new InvalidInputException("a provider '" + config.id() + "' already exists; remove it first or replace it");
        }
        all.put(config.id(), config);
        write(all);
    }

    /** Removes a provider; returns false when there was none with that id. */
    public synchronized boolean remove(String id) {
        Map<String, ProviderConfig> all = read();
        if (all.remove(id) == null) {
            return false;
        }
        write(all);
        return true;
    }

    /**
     * Every generation asks for its provider: parse the file again only when it changed (modification time and
     * size), so a change made by another process or by hand is still seen on the next call.
     */
    private Map<String, ProviderConfig> read() {
        Object stamp = stamp();
        if (cached != null && stamp != null && stamp.equals(cachedStamp)) {
            return new LinkedHashMap<>(cached);
        }
        Map<String, ProviderConfig> fresh = parse();
        cached = Map.copyOf(fresh);
        cachedStamp = stamp;
        return fresh;
    }

    private Object stamp() {
        try {
            return Files.exists(file) ? List.of(Files.getLastModifiedTime(file), Files.size(file)) : "absent";
        } catch (IOException e) {
            return null;
        }
    }

    private Map<String, ProviderConfig> parse() {
        Map<String, ProviderConfig> result = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return result;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("providers").isArray()) {
            throw new InvalidInputException(file + " has no \"providers\" list");
        }
        if (root.path("version").asInt(FORMAT_VERSION) > FORMAT_VERSION) {
            throw new InvalidInputException(file + " was written by a newer Lectern; it was left untouched");
        }
        for (JsonNode p : root.path("providers")) {
            ProviderConfig c = fromJson(p);
            result.put(c.id(), c);
        }
        return result;
    }

    private static ProviderConfig fromJson(JsonNode p) {
        String typeName = text(p, "type");
        ProviderConfig.Type type;
        try {
            type = typeName == null ? null : ProviderConfig.Type.valueOf(typeName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("provider '" + text(p, "id") + "' has an unknown type '" + typeName
                    + "'; use openai, automatic1111 or comfyui");
        }
        List<String> models = new ArrayList<>();
        p.path("models").forEach(m -> models.add(m.asText()));
        Duration timeout = p.hasNonNull("timeoutSeconds") ? Duration.ofSeconds(p.path("timeoutSeconds").asLong()) : null;
        return new ProviderConfig(text(p, "id"), type, text(p, "baseUrl"), text(p, "apiKeyEnv"), models, timeout,
                p.path("concurrency").asInt(0), text(p, "basicAuthUser"), text(p, "basicAuthPasswordEnv"),
                p.path("apiKeyKeychain").asBoolean(false), text(p, "basicAuthEnv"));
    }

    private static ObjectNode toJson(ProviderConfig c) {
        ObjectNode p = JSON.createObjectNode();
        p.put("id", c.id());
        p.put("type", c.type().name().toLowerCase(Locale.ROOT));
        p.put("baseUrl", c.baseUrl());
        p.put("apiKeyEnv", c.apiKeyEnv());
        ArrayNode models = p.putArray("models");
        c.models().forEach(models::add);
        p.put("timeoutSeconds", c.timeout().toSeconds());
        p.put("concurrency", c.concurrency());
        if (c.basicAuthUser() != null) {
            p.put("basicAuthUser", c.basicAuthUser());
            p.put("basicAuthPasswordEnv", c.basicAuthPasswordEnv());
        }
        if (c.basicAuthEnv() != null) {
            p.put("basicAuthEnv", c.basicAuthEnv());
        }
        if (c.apiKeyKeychain()) {
            p.put("apiKeyKeychain", true); // that the key is there, never the key
        }
        return p;
    }

    private void write(Map<String, ProviderConfig> all) {
        cached = null; // a rewrite within the file system's time resolution must not be missed
        ObjectNode root = JSON.createObjectNode();
        root.put("version", FORMAT_VERSION);
        ArrayNode providers = root.putArray("providers");
        all.values().forEach(c -> providers.add(toJson(c)));
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
            try {
                Files.write(temp, JSON.writeValueAsBytes(root));
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.path(field);
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
