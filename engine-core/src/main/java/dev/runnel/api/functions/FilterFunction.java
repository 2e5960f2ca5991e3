package dev.runnel.api.functions;

@FunctionalInterface
public interface FilterFunction<T> extends java.io.Serializable {
    boolean filter(T value) throws Exception;
}
