package dev.runnel.api.functions;

/**
 * Gets all elements of both inputs with one key in one window ({@code a.coGroup(b)...apply(fn)});
 * one of the two may be empty, never both.
 */
@FunctionalInterface
public interface CoGroupFunction<IN1, IN2, OUT> extends java.io.Serializable {
    void coGroup(Iterable<IN1> first, Iterable<IN2> second, Collector<OUT> out) throws Exception;
}
