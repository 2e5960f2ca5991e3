package dev.runnel.api.functions;

@FunctionalInterface
public interface FlatMapFunction<T, R> extends java.io.Serializable {
    void flatMap(T value, Collector<R> out) throws Exception;
}
