package dev.runnel.api;

import java.util.Objects;

/** Names a side output. Two tags are the same side output when their ids are equal. */
public final class OutputTag<T> {
    private final String id;
    private final Class<T> type;

    public OutputTag(String id, Class<T> type) {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("OutputTag id must not be empty");
        }
        this.type = type;
    }

    public static <T> OutputTag<T> of(String id, Class<T> type) {
        return new OutputTag<>(id, type);
    }

    public String getId() {
        return id;
    }

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
