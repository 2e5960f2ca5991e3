package dev.runnel.api.metrics;

/**
 * A value read when the metrics are read, as Flink's {@code org.apache.flink.metrics.Gauge}. Called from a
 * monitoring thread, not the function's: it must not block, and it sees the function's fields racily.
 * Exported when the value is a {@link Number} (or a {@link Boolean}: 1 or 0).
 */
@FunctionalInterface
public interface Gauge<T> extends Metric {
    T getValue();
}
