package dev.runnel.api.functions;

/** Joins one pair of elements with equal keys in the same window ({@code a.join(b)...apply(fn)}). */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends java.io.Serializable {
    OUT join(IN1 first, IN2 second) throws Exception;
}
