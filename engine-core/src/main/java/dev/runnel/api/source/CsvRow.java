package dev.runnel.api.source;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One parsed CSV row: fields by header name or index, with typed accessors that fail with a clear reason. */
public final class CsvRow {
    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private final Map<String, Integer> columns;
    private final ZoneId zone;
    private List<String> fields;
    private long lineNumber;
    private String raw;

    CsvRow(Map<String, Integer> columns, ZoneId zone) {
        this.columns = columns;
        this.zone = zone;
    }

    void reset(List<String> fields, long lineNumber, String raw) {
        this.fields = fields;
        this.lineNumber = lineNumber;
        this.raw = raw;
    }

    public java.util.Set<String> columnNames() {
        return columns.keySet();
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String raw() {
        return raw;
    }

    public int size() {
        return fields.size();
    }

    public ZoneId zone() {
        return zone;
    }

    public String get(int index) {
        if (index < 0 || index >= fields.size()) {
            throw new IllegalArgumentException("row has " + fields.size() + " fields, no field " + index);
        }
        return fields.get(index);
    }

    public String get(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("no column '" + column + "' in header " + columns.keySet());
        }
        if (index >= fields.size()) {
            throw new IllegalArgumentException("row has " + fields.size() + " fields, column '" + column + "' is missing");
        }
        return fields.get(index);
    }

    public long getLong(String column) {
        String v = get(column).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "': '" + v + "' is not an integer");
        }
    }

    public int getInt(String column) {
        return parseInt(get(column).trim(), column);
    }

    public double getDouble(String column) {
        return parseDouble(get(column).trim(), column);
    }

    static int parseInt(String v, String column) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "': '" + v + "' is not an integer");
        }
    }

    static double parseDouble(String v, String column) {
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "': '" + v + "' is not a number");
        }
    }

    /** Parses a local date-time in this source's zone and returns epoch milliseconds. */
    public long getEpochMillis(String column, String dateTimePattern) {
        String v = get(column).trim();
        return parseEpochMillis(v, dateTimePattern, zone, column);
    }

    static long parseEpochMillis(String value, String pattern, ZoneId zone, String column) {
        DateTimeFormatter f = FORMATTERS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern);
        try {
            return LocalDateTime.parse(value, f).atZone(zone).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("column '" + column + "': '" + value + "' is not a date-time like '" + pattern + "'");
        }
    }
}
