package dev.runnel.api.metrics;

/** The metric group of one operator instance, the type Flink's {@code RuntimeContext.getMetricGroup()} returns. */
public interface OperatorMetricGroup extends MetricGroup {}
