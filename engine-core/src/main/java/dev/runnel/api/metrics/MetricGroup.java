package dev.runnel.api.metrics;

import java.util.Map;

/**
 * Where a user function registers its metrics, as Flink's {@code org.apache.flink.metrics.MetricGroup}:
 * {@code getRuntimeContext().getMetricGroup().counter("alerts")}, or with a label,
 * {@code .addGroup("severity", "CRITICAL").counter("alerts")}. The metrics belong to the operator
 * instance the function runs in and are exported beside the operator's own ones, with its labels
 * ({@code runnel_operator_alerts{job, operator, subtask, severity="CRITICAL"}}, as Flink's Prometheus reporter
 * turns a key/value group into a label). A plain {@link #addGroup(String)} group prefixes the name
 * ({@code addGroup("fraud").counter("alerts")} is {@code fraud_alerts}).
 *
 * <p>Register in {@code open()}: registering is not meant for the record path. Registering the same name
 * in the same group again returns the metric registered first (Flink keeps the first too, but hands back
 * the new, unreported one with a warning).
 */
public interface MetricGroup {
    /** Registers and returns a new {@link SimpleCounter}. */
    Counter counter(String name);

    /** Registers the given counter. */
    <C extends Counter> C counter(String name, C counter);

    /** Registers a gauge, read whenever the metrics are read. */
    <T, G extends Gauge<T>> G gauge(String name, G gauge);

    /** A subgroup whose name prefixes the metrics registered in it. */
    MetricGroup addGroup(String name);

    /** A subgroup whose metrics carry the label {@code key=value}. */
    MetricGroup addGroup(String key, String value);

    /** The labels of this group: the operator's ({@code job} is added by the exporter) and those added by {@link #addGroup(String, String)}. */
    Map<String, String> getAllVariables();
}
