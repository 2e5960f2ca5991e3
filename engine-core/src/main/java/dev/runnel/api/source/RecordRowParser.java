package dev.runnel.api.source;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a record's components from the CSV columns of the same (normalised) name. The source binds
 * it to the header once, at open, so a row costs an index lookup per component, not a name search.
 */
final class RecordRowParser<R extends Record> implements RowParser<R> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private final String dateTimePattern;
    private int[] indexes;
    private String[] columnNames;

    RecordRowParser(Class<R> type, String dateTimePattern) {
        this.type = type;
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

    Class<R> type() {
        return type;
    }

    /** The components' names, in declaration order: the columns this parser needs. */
    List<String> componentNames() {
        List<String> names = new ArrayList<>(components.length);
        for (RecordComponent c : components) {
            names.add(c.getName());
        }
        return names;
    }

    /** Index of the column for {@code component} in {@code columns}, or -1. */
    static int find(List<String> columns, String component) {
        String wanted = normalise(component);
        for (int i = 0; i < columns.size(); i++) {
            if (normalise(columns.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Binds each component to its column in {@code columns} (the header, or the declared names). */
    void bind(List<String> columns) {
        int[] bound = new int[components.length];
        String[] names = new String[components.length];
        for (int i = 0; i < components.length; i++) {
            bound[i] = find(columns, components[i].getName());
            if (bound[i] < 0) {
                throw new IllegalArgumentException("no column for record component '" + components[i].getName() + "' in " + columns);
            }
            names[i] = columns.get(bound[i]);
        }
        this.indexes = bound;
        this.columnNames = names;
    }

    @Override
    public R parse(CsvRow row) throws Exception {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String text = row.get(indexes[i]).trim();
            args[i] = convert(text, components[i].getType(), columnNames[i], row);
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        }
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
            return CsvRow.parseInt(text, column);
        }
        if (type == double.class || type == Double.class) {
            return CsvRow.parseDouble(text, column);
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
