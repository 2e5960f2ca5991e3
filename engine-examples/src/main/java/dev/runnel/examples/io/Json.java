package dev.runnel.examples.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Map;

/** The examples' one Jackson mapper (thread-safe once configured) and the JSON-lines encoding of outputs. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    static final TypeReference<Map<String, Object>> MAP_TYPE = new TypeReference<>() {};

    private Json() {}

    /** One JSON line: {@code {"kind": kind, ...the value's fields}}. */
    public static String line(String kind, Object value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", kind);
        JsonNode tree = MAPPER.valueToTree(value);
        if (tree instanceof ObjectNode fields) {
            node.setAll(fields);
        } else {
            node.set("value", tree);
        }
        return write(node);
    }

    /** One JSON document on one line. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
