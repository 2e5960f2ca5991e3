package dev.runnel.api;

import java.util.Objects;

/**
 * Names a side output. Two tags are the same side output when their ids are equal. Create one with
 * {@link #of(String, Class)}, or as in Flink with an anonymous subclass, {@code new OutputTag<Alert>("late") {}},
 * whose type argument is read from the subclass.
 */
public class OutputTag<T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final Class<T> type;

    public OutputTag(String id, Class<T> type) {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("OutputTag id must not be empty");
        }
        this.type = type;
    }

    /** Flink's idiom: {@code new OutputTag<Alert>("late") {}}; the type is taken from the anonymous subclass if it can be. */
    public OutputTag(String id) {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("OutputTag id must not be empty");
        }
        this.type = typeArgument(getClass());
    }

    @SuppressWarnings("unchecked")
    private static <T> Class<T> typeArgument(Class<?> tagClass) {
        java.lang.reflect.Type superType = tagClass.getGenericSuperclass();
        if (superType instanceof java.lang.reflect.ParameterizedType p) {
            java.lang.reflect.Type arg = p.getActualTypeArguments()[0];
            if (arg instanceof Class<?> c) {
                return (Class<T>) c;
            }
            if (arg instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() instanceof Class<?> c) {
                return (Class<T>) c;
            }
        }
        return null;
    }

    public static <T> OutputTag<T> of(String id, Class<T> type) {
        return new OutputTag<>(id, type);
    }

    public String getId() {
        return id;
    }

    /** The side output's element type, {@code null} when it was not given and cannot be read from a subclass. */
    public Class<T> getType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && other.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
