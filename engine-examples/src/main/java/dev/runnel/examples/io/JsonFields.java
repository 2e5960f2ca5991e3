package dev.runnel.examples.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Fields} over one JSON-lines object; field names are the CSV column names. */
final class JsonFields implements Fields {
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
    private final JsonNode object;
    private final ZoneId zone;

    JsonFields(JsonNode object, ZoneId zone) {
        this.object = object;
        this.zone = zone;
    }

    private JsonNode field(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        return node;
    }

    @Override
    public String text(String name) {
        JsonNode node = field(name);
        if (node == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        if (!node.isValueNode()) {
            throw new IllegalArgumentException("field '" + name + "' is not a text or number: " + node);
        }
        return node.asText().trim();
    }

    @Override
    public String textOr(String name, String fallback) {
        return field(name) == null ? fallback : text(name);
    }

    @Override
    public long longValue(String name) {
        JsonNode node = field(name);
        if (node != null && node.canConvertToExactIntegral() && node.canConvertToLong()) {
            return node.asLong();
        }
        String text = text(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + name + "': '" + text + "' is not an integer");
        }
    }

    @Override
    public double doubleValue(String name) {
        JsonNode node = field(name);
        if (node != null && node.isNumber()) {
            return node.asDouble();
        }
        String text = text(name);
        try {
            double value = Double.parseDouble(text);
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + name + "': '" + text + "' is not a number");
        }
    }

    @Override
    public double doubleOr(String name, double fallback) {
        return field(name) == null ? fallback : doubleValue(name);
    }

    @Override
    public long dateTime(String name, String pattern) {
        String text = text(name);
        try {
            return LocalDateTime.parse(text, FORMATTERS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern))
                .atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + name + "': '" + text + "' is not a date-time like '" + pattern + "'");
        }
    }

    @Override
    public Map<String, Object> object(String name) {
        JsonNode node = field(name);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("field '" + name + "' is not an object: " + node);
        }
        return Json.MAPPER.convertValue(node, Json.MAP_TYPE);
    }
}
