package dev.runnel.api.source;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Locale;

/** Fills a record's components from the CSV columns of the same (normalised) name. */
final class RecordRowParser<R extends Record> implements RowParser<R> {
    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private final String dateTimePattern;

    RecordRowParser(Class<R> type, String dateTimePattern) {
        this.components = type.getRecordComponents();
        this.dateTimePattern = dateTimePattern;
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
            this.constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("record " + type.getName() + " has no canonical constructor", e);
        }
    }

    static String normalise(String name) {
        return name.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public R parse(CsvRow row) throws Exception {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String column = findColumn(row, c.getName());
            String text = row.get(column).trim();
            args[i] = convert(text, c.getType(), column, row);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        }
    }

    private String findColumn(CsvRow row, String component) {
        String wanted = normalise(component);
        for (String column : row.columnNames()) {
            if (normalise(column).equals(wanted)) {
                return column;
            }
        }
        throw new IllegalArgumentException("no column for record component '" + component + "' in header " + row.columnNames());
    }

    private Object convert(String text, Class<?> type, String column, CsvRow row) {
        if (type == String.class) {
            return text;
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' is empty");
        }
        if (type == long.class || type == Long.class) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                if (dateTimePattern == null) {
                    throw new IllegalArgumentException("column '" + column + "': '" + text + "' is not an integer");
                }
                return CsvRow.parseEpochMillis(text, dateTimePattern, row.zone(), column);
            }
        }
        if (type == int.class || type == Integer.class) {
            return row.getInt(column);
        }
        if (type == double.class || type == Double.class) {
            return row.getDouble(column);
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("column '" + column + "': '" + text + "' is not true/false");
            }
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("unsupported record component type " + type.getName() + " for column '" + column + "'");
    }
}
