package dev.runnel.api.functions;

/** Joins one pair of elements with equal keys in the same window, emitting any number of results. */
@FunctionalInterface
public interface FlatJoinFunction<IN1, IN2, OUT> extends java.io.Serializable {
    void join(IN1 first, IN2 second, Collector<OUT> out) throws Exception;
}
