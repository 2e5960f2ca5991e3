package dev.runnel.api.functions;

/** Emits records downstream; the timestamp of the record being processed is kept. */
@FunctionalInterface
public interface Collector<T> {
    void collect(T record);
}
