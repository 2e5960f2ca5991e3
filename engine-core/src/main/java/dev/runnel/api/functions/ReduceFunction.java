package dev.runnel.api.functions;

@FunctionalInterface
public interface ReduceFunction<T> extends java.io.Serializable {
    T reduce(T accumulated, T value) throws Exception;
}
