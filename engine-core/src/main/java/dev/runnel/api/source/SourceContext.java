package dev.runnel.api.source;

import dev.runnel.api.time.Clock;

public interface SourceContext {
    String sourceName();

    Clock clock();

    /** Where the source publishes its own metrics (Flink's {@code SourceReaderContext.metricGroup()}). */
    default dev.runnel.api.metrics.MetricGroup metricGroup() {
        return new dev.runnel.api.metrics.UnregisteredMetricsGroup();
    }
}
