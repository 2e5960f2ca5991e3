package dev.runnel.api.metrics;

import java.util.Map;

/**
 * A metric a user function registered, as monitoring sees it: its name (subgroup names joined to it with
 * {@code _}), the labels of its key/value groups (not the operator's own) and the metric to read.
 */
public record RegisteredMetric(String name, Map<String, String> labels, Metric metric) {
    public RegisteredMetric {
        labels = Map.copyOf(labels);
    }

    /** The metric's current value as a number: a counter's count, a numeric or boolean gauge's value; null otherwise. */
    public Double value() {
        if (metric instanceof Counter c) {
            return (double) c.getCount();
        }
        if (metric instanceof Gauge<?> g) {
            Object v = g.getValue();
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
        }
        return null;
    }
}
