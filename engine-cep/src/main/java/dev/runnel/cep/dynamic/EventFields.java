package dev.runnel.cep.dynamic;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * How rule expressions see an event: its named fields with their CEL types. Each field is a
 * top-level CEL variable, so {@code amount > 100.0 && kind == "card"} type-checks against the event
 * type when the rule is compiled (a misspelt field or a string compared with a number is a
 * {@link RuleError}, not a failure while the job runs). Earlier stages' events are seen as maps of
 * the same fields ({@link #asMap}).
 *
 * <p>Java {@code int}/{@code long}/{@code short}/{@code byte} become CEL {@code int}, {@code double}/{@code float}
 * {@code double}, {@code String}/{@code char}/enums {@code string}, {@code boolean} {@code bool};
 * anything else is {@code dyn} (checked only when evaluated).
 */
public final class EventFields<T> {
    private final String typeName;
    private final Map<String, CelType> types;
    private final Map<String, Function<T, Object>> accessors;
    /** What reads each field (a record component's accessor, a getter or a public field), for {@link DirectConditions}; none for maps. */
    private final Map<String, Member> getters;
    private final String[] names;

    private EventFields(String typeName, Map<String, CelType> types, Map<String, Function<T, Object>> accessors,
            Map<String, Member> getters) {
        this.typeName = typeName;
        this.types = Collections.unmodifiableMap(types);
        this.accessors = accessors;
        this.getters = getters;
        this.names = types.keySet().toArray(new String[0]);
    }

    /**
     * The fields of a record (its components) or of a class with public getters ({@code getX()} and
     * {@code isX()} give field {@code x}) and public fields.
     */
    public static <T> EventFields<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        Map<String, CelType> types = new LinkedHashMap<>();
        Map<String, Function<T, Object>> accessors = new LinkedHashMap<>();
        Map<String, Member> getters = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                add(types, accessors, c.getName(), c.getType(), c.getAccessor());
                getters.put(c.getName(), c.getAccessor());
            }
        } else {
            for (Method m : type.getMethods()) {
                String field = getterField(m);
                if (field != null) {
                    add(types, accessors, field, m.getReturnType(), m);
                    getters.put(field, m);
                }
            }
            for (java.lang.reflect.Field f : type.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !types.containsKey(f.getName())) {
                    types.put(f.getName(), celType(f.getType()));
                    getters.put(f.getName(), f);
                    accessors.put(f.getName(), e -> {
                        try {
                            return normalize(f.get(e));
                        } catch (IllegalAccessException x) {
                            throw new IllegalStateException(x);
                        }
                    });
                }
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no fields a rule can read: use a record, "
                + "a class with public getters, or EventFields.ofMap(schema)");
        }
        return new EventFields<>(type.getSimpleName(), types, accessors, getters);
    }

    /** Events that are maps of field name to value, with the fields' Java types declared up front. */
    public static EventFields<Map<String, ?>> ofMap(Map<String, Class<?>> schema) {
        Map<String, CelType> types = new LinkedHashMap<>();
        Map<String, Function<Map<String, ?>, Object>> accessors = new LinkedHashMap<>();
        schema.forEach((name, javaType) -> {
            types.put(name, celType(javaType));
            accessors.put(name, m -> normalize(m.get(name)));
        });
        return new EventFields<>("map", types, accessors, Map.of());
    }

    private static String getterField(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = m.getName();
        if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) {
            return Character.toLowerCase(n.charAt(3)) + n.substring(4);
        }
        if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            return Character.toLowerCase(n.charAt(2)) + n.substring(3);
        }
        return null;
    }

    private static <T> void add(Map<String, CelType> types, Map<String, Function<T, Object>> accessors, String name,
            Class<?> javaType, Method accessor) {
        accessor.setAccessible(true); // records nested in tests and applications are often not public
        types.put(name, celType(javaType));
        accessors.put(name, e -> {
            try {
                return normalize(accessor.invoke(e));
            } catch (ReflectiveOperationException x) {
                throw new IllegalStateException("Reading field '" + name + "' of " + e, x);
            }
        });
    }

    static CelType celType(Class<?> t) {
        if (t == long.class || t == Long.class || t == int.class || t == Integer.class || t == short.class
                || t == Short.class || t == byte.class || t == Byte.class) {
            return SimpleType.INT;
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
            return SimpleType.DOUBLE;
        }
        if (t == String.class || t == char.class || t == Character.class || t.isEnum()) {
            return SimpleType.STRING;
        }
        if (t == boolean.class || t == Boolean.class) {
            return SimpleType.BOOL;
        }
        return SimpleType.DYN;
    }

    /** CEL's runtime values: int is Long, double is Double. */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Character || v instanceof Enum<?>) {
            return v instanceof Enum<?> e ? e.name() : v.toString();
        }
        return v;
    }

    /** Field names and their CEL types, in declaration order. */
    public Map<String, CelType> types() {
        return types;
    }

    /** What the rule docs and errors call the event type. */
    public String typeName() {
        return typeName;
    }

    /** The CEL value of {@code field} of {@code event}; {@code null} for an unknown field. */
    Object get(T event, String field) {
        Function<T, Object> a = accessors.get(field);
        return a == null ? null : a.apply(event);
    }

    /** What reads {@code field}: a {@link Method} (record component or getter), a public {@link java.lang.reflect.Field}, or null. */
    Member getter(String field) {
        return getters.get(field);
    }

    /** A read-only map view of the event's fields (values read when asked for). */
    Map<String, Object> asMap(T event) {
        return new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                return key instanceof String s ? EventFields.this.get(event, s) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return accessors.containsKey(key);
            }

            @Override
            public Set<Entry<String, Object>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Object>> iterator() {
                        Iterator<String> it = java.util.Arrays.asList(names).iterator();
                        return new Iterator<>() {
                            @Override
                            public boolean hasNext() {
                                return it.hasNext();
                            }

                            @Override
                            public Entry<String, Object> next() {
                                String n = it.next();
                                return new SimpleImmutableEntry<>(n, EventFields.this.get(event, n));
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return names.length;
                    }
                };
            }
        };
    }
}
