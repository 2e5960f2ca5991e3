package dev.runnel.api.metrics;

import java.util.Map;

/**
 * A metric group that registers nothing, as Flink's {@code UnregisteredMetricsGroup}: for sources
 * and functions run outside a job's metrics (tests, adapters). Metrics handed to it still work;
 * nobody reads them.
 */
public final class UnregisteredMetricsGroup implements MetricGroup {
    @Override
    public Counter counter(String name) {
        return new SimpleCounter();
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return counter;
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return gauge;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return this;
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return this;
    }

    @Override
    public Map<String, String> getAllVariables() {
        return Map.of();
    }
}
