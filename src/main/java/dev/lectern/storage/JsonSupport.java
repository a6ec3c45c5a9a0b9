package dev.lectern.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * The one JSON configuration for everything Lectern stores or exchanges. Decimals are read as BigDecimal so
 * numbers Lectern does not interpret come back exactly as they went in.
 */
public final class JsonSupport {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Made once: {@code readValue(json, TypeReference)} looks the deserializer up again on every call. */
    private static final ObjectReader MAP_READER = MAPPER.readerFor(new TypeReference<Map<String, Object>>() {
    });

    private JsonSupport() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON values always serialise", e);
        }
    }

    static Map<String, Object> readMap(String json) {
        if ("{}".equals(json)) {
            return Map.of(); // most segments carry no unknown fields: opening 1,000 of them skips 1,000 parses
        }
        try {
            return MAP_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the project file holds JSON it wrote itself", e);
        }
    }
}
