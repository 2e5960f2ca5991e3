package dev.runnel.api.functions;

/**
 * The distance between two data points, for {@code DeltaTrigger} and {@code DeltaEvictor}
 * (Flink's {@code org.apache.flink.streaming.api.functions.windowing.delta.DeltaFunction}).
 */
@FunctionalInterface
public interface DeltaFunction<T> extends java.io.Serializable {
    double getDelta(T oldDataPoint, T newDataPoint);
}
