package dev.runnel.api.functions;

/** Extracts the partitioning key. Keys must implement {@code equals}/{@code hashCode} and must not be null. */
@FunctionalInterface
public interface KeySelector<T, K> extends java.io.Serializable {
    K getKey(T value) throws Exception;
}
