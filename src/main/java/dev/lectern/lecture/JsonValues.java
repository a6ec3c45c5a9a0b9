package dev.lectern.lecture;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fields the app does not interpret are kept as plain JSON values (maps, lists, strings, numbers) in order. */
final class JsonValues {
    private JsonValues() {
    }

    /** An unmodifiable, order-keeping copy that, unlike {@code Map.copyOf}, allows JSON nulls. */
    static Map<String, Object> frozen(Map<String, Object> fields) {
        return fields == null || fields.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
