package dev.runnel.api.metrics;

/** A metric a user function registers through {@code getRuntimeContext().getMetricGroup()}: a {@link Counter} or a {@link Gauge}. */
public interface Metric {}
