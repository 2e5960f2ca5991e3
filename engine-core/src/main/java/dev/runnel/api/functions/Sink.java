package dev.runnel.api.functions;

/** The end of a pipeline. Implement {@link RichFunction} as well to open and close resources. */
@FunctionalInterface
public interface Sink<T> {
    void invoke(T value) throws Exception;

    /** Receives the record's timestamp ({@code Long.MIN_VALUE} when it has none); defaults to {@link #invoke(Object)}. */
    default void invoke(T value, long timestamp) throws Exception {
        invoke(value);
    }
}
