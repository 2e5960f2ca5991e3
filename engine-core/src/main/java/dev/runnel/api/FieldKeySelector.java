package dev.runnel.api;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.java.tuple.Tuple;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;

/**
 * Flink's (deprecated) keys by field: {@code keyBy(0)} on tuples, {@code keyBy("word")} on POJOs or
 * tuples ("f0"). The key is a tuple of the fields' values, as in Flink ({@code Tuple1} for one field).
 * Runnel cannot check the record type when the job is defined (generic types are erased), so a record
 * without the field fails the job with a message naming it.
 */
final class FieldKeySelector<T> implements KeySelector<T, Tuple> {
    private static final long serialVersionUID = 1L;

    private final int[] positions;
    private final String[] names;
    private transient Class<?> accessorsFor;
    private transient Object[] accessors;

    private FieldKeySelector(int[] positions, String[] names) {
        int count = positions != null ? positions.length : names.length;
        if (count == 0) {
            throw new IllegalArgumentException("keyBy needs at least one field");
        }
        if (count > Tuple.MAX_ARITY) {
            throw new IllegalArgumentException("keyBy takes at most " + Tuple.MAX_ARITY + " fields, got " + count);
        }
        this.positions = positions;
        this.names = names;
    }

    static <T> FieldKeySelector<T> positions(int... positions) {
        for (int p : positions) {
            if (p < 0) {
                throw new IllegalArgumentException("Field positions must not be negative: " + Arrays.toString(positions));
            }
        }
        return new FieldKeySelector<>(positions.clone(), null);
    }

    static <T> FieldKeySelector<T> names(String... names) {
        return new FieldKeySelector<>(null, names.clone());
    }

    @Override
    public Tuple getKey(T value) throws Exception {
        int count = positions != null ? positions.length : names.length;
        Tuple key = Tuple.newInstance(count);
        for (int i = 0; i < count; i++) {
            key.setField(positions != null ? byPosition(value, positions[i]) : byName(value, i), i);
        }
        return key;
    }

    private static Object byPosition(Object value, int position) {
        if (!(value instanceof Tuple tuple)) {
            throw new IllegalArgumentException("keyBy(" + position + ") keys by a tuple field, but the record is a "
                + value.getClass().getName() + "; use keyBy(KeySelector)");
        }
        if (position >= tuple.getArity()) {
            throw new IllegalArgumentException("keyBy(" + position + "): the record " + tuple + " has only "
                + tuple.getArity() + " fields");
        }
        return tuple.getField(position);
    }

    private Object byName(Object value, int index) throws ReflectiveOperationException {
        if (accessorsFor != value.getClass()) {
            accessors = new Object[names.length];
            for (int i = 0; i < names.length; i++) {
                accessors[i] = accessor(value.getClass(), names[i]);
            }
            accessorsFor = value.getClass();
        }
        Object accessor = accessors[index];
        return accessor instanceof Field f ? f.get(value) : ((Method) accessor).invoke(value);
    }

    /** A public field, or a public getter ({@code getX()}, {@code isX()}, or a record component {@code x()}). */
    private static Object accessor(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            if (!Modifier.isStatic(field.getModifiers())) {
                return field;
            }
        } catch (NoSuchFieldException e) {
            // try a getter
        }
        String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (String getter : new String[] {"get" + capitalized, "is" + capitalized, name}) {
            try {
                return type.getMethod(getter);
            } catch (NoSuchMethodException e) {
                // next form
            }
        }
        throw new IllegalArgumentException("keyBy(\"" + name + "\"): " + type.getName()
            + " has no public field or getter named '" + name + "'");
    }
}
