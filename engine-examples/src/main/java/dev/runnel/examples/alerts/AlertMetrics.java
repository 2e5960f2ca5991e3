package dev.runnel.examples.alerts;

import dev.runnel.api.metrics.Counter;
import dev.runnel.api.metrics.MetricGroup;

/**
 * Alerts counted by severity through the engine's user metrics, Flink's way: in {@code open()} one counter per
 * severity under {@code addGroup("severity", ...)}, exported as {@code runnel_operator_alerts{severity="HIGH", ...}}
 * (the dashboard's "alerts by severity" panel sums these). Every severity is registered up front, so each series
 * exists at 0 before its first alert and {@code rate()} starts from there. Counting is one plain increment.
 */
public final class AlertMetrics {
    public static final String ALERTS = "alerts";

    private final Counter[] bySeverity;

    private AlertMetrics(Counter[] bySeverity) {
        this.bySeverity = bySeverity;
    }

    /** Registers {@code alerts} per severity in {@code group}. */
    public static AlertMetrics register(MetricGroup group) {
        return register(group, ALERTS);
    }

    public static AlertMetrics register(MetricGroup group, String name) {
        Severity[] severities = Severity.values();
        Counter[] counters = new Counter[severities.length];
        for (Severity s : severities) {
            counters[s.ordinal()] = group.addGroup("severity", s.name()).counter(name);
        }
        return new AlertMetrics(counters);
    }

    public void count(Severity severity) {
        bySeverity[severity.ordinal()].inc();
    }
}
