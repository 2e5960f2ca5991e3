package dev.runnel.api.functions;

/**
 * Incremental aggregation with a mutable or immutable accumulator, as in Flink.
 * {@code merge} is used for merging session windows and for combining sliding-window slices; it may
 * return {@code a} after mutating it, but must not keep references to {@code b}.
 */
public interface AggregateFunction<IN, ACC, OUT> extends java.io.Serializable {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
