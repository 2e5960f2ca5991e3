package dev.runnel.api.functions;

@FunctionalInterface
public interface MapFunction<T, R> extends java.io.Serializable {
    R map(T value) throws Exception;
}
