package dev.runnel.examples.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.runnel.api.source.CsvRow;
import java.util.Map;

/** {@link Fields} over a row of a {@code CsvSource}; columns are found by header name. */
final class CsvFields implements Fields {
    private final CsvRow row;

    CsvFields(CsvRow row) {
        this.row = row;
    }

    @Override
    public String text(String name) {
        String value = row.get(name).trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("column '" + name + "' is empty");
        }
        return value;
    }

    @Override
    public String textOr(String name, String fallback) {
        if (!row.columnNames().contains(name)) {
            return fallback;
        }
        String value = row.get(name).trim();
        return value.isEmpty() ? fallback : value;
    }

    @Override
    public long longValue(String name) {
        return row.getLong(name);
    }

    @Override
    public double doubleValue(String name) {
        return row.getDouble(name);
    }

    @Override
    public double doubleOr(String name, double fallback) {
        return textOr(name, null) == null ? fallback : row.getDouble(name);
    }

    @Override
    public Map<String, Object> object(String name) {
        String json = textOr(name, null);
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.MAPPER.readValue(json, Json.MAP_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("column '" + name + "' is not a JSON object: " + e.getOriginalMessage());
        }
    }

    @Override
    public long dateTime(String name, String pattern) {
        return row.getEpochMillis(name, pattern);
    }
}
