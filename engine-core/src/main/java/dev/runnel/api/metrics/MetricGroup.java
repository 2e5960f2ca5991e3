package dev.runnel.api.metrics;

import java.util.function.LongSupplier;

/**
 * Where a source (and, later, a user function) publishes its own metrics, shaped as Flink's
 * {@code MetricGroup}: {@code addGroup(key, value)} adds a key-value level (Flink's Prometheus
 * reporter turns those into labels, and so does Runnel's), {@code gauge} a value read at each
 * scrape. {@code context.metricGroup().addGroup("KafkaSourceReader").addGroup("topic", t)
 * .addGroup("partition", p).gauge("currentOffset", ...)} is exported as
 * {@code runnel_operator_KafkaSourceReader_topic_partition_currentOffset{topic="t",partition="p",...}}.
 * Gauges are read from other threads (the metrics endpoint): suppliers must read racily-safe fields.
 */
public interface MetricGroup {
    /** A named level (its name becomes part of the metric names below it). */
    MetricGroup addGroup(String name);

    /** A key-value level: {@code key} becomes part of the names below it, {@code value} a label. */
    MetricGroup addGroup(String key, String value);

    /** Publishes a gauge under this group; publishing the same name again replaces it. */
    void gauge(String name, LongSupplier value);

    /** A group that publishes nothing: for sources run outside a job's metrics. */
    MetricGroup NONE = new MetricGroup() {
        @Override
        public MetricGroup addGroup(String name) {
            return this;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return this;
        }

        @Override
        public void gauge(String name, LongSupplier value) {}
    };
}
