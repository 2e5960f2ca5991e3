package dev.runnel.api.metrics;

import java.util.Map;

/**
 * A gauge published through a {@link MetricGroup} with key-value levels, read now: its name (the
 * levels' names and keys joined by {@code .}, then the gauge's) and its labels (the levels' keys and values).
 */
public record LabeledGauge(String name, Map<String, String> labels, long value) {}
