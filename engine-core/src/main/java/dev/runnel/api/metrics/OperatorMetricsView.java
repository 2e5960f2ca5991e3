package dev.runnel.api.metrics;

import java.util.Map;

/**
 * Read-only view of one operator instance's (subtask's) metrics while the job runs, named after
 * Flink's operator metrics. Monitoring code (the Prometheus endpoint, a user's reporter) reads
 * these from its own thread: counters are plain fields written by the operator's thread and read
 * here without synchronization, so a reader may see a value a few records old (never a torn one on
 * 64-bit JVMs); watermark and idleness are volatile. That is the price of counting for free on the
 * hot path, and fine for monitoring. After the job ended the values are final.
 */
public interface OperatorMetricsView {
    /** The operator's name in the job (unique: what {@code name(...)} set, or a default with a suffix). */
    String operatorName();

    int subtask();

    /** Records that entered the operator (for a source: records it read). Flink's {@code numRecordsIn}. */
    long numRecordsIn();

    /** Records the operator emitted on its main output. Flink's {@code numRecordsOut}. */
    long numRecordsOut();

    /** Late records dropped (no late side output set). Flink's {@code numLateRecordsDropped}. */
    long numLateRecordsDropped();

    /** Late records sent to a late-data side output ({@code sideOutputLateData}); not counted as dropped. */
    long numLateRecordsToSideOutput();

    /**
     * Time the thread running this instance spent processing since it started, in ms: its wall time minus
     * idle and back-pressured time (Flink's {@code accumulatedBusyTimeMs}). Like Flink's, it is the task's:
     * every operator chained in one thread reports the same.
     */
    double accumulatedBusyTimeMs();

    /** Time the thread waited for input, in ms (Flink's {@code accumulatedIdleTimeMs}). */
    double accumulatedIdleTimeMs();

    /** Time the thread was blocked offering to a full downstream channel, in ms (Flink's {@code accumulatedBackPressuredTimeMs}). */
    double accumulatedBackPressuredTimeMs();

    /** Metrics the operator's user functions registered through {@code getRuntimeContext().getMetricGroup()}. */
    java.util.List<RegisteredMetric> userMetrics();

    /** Malformed input rows sent to the dead-letter output (sources). */
    long numDeadLetters();

    /** Events a future-event guard sent to its side output. */
    long numFutureEvents();

    /**
     * The operator's current watermark, {@code Long.MIN_VALUE} before the first one. Runnel's operators
     * forward the watermark they received after firing what it made due, so this is both Flink's
     * {@code currentInputWatermark} and {@code currentOutputWatermark}; for a source it is the watermark it emitted.
     */
    long currentWatermark();

    /** True while the operator (a source with {@code withIdleness}, or an operator whose inputs are all idle) is idle. */
    boolean idle();

    /**
     * Gauges the operator publishes, read now: e.g. {@code numRegisteredTimers}, {@code earliestPendingTimer}
     * (keyed operators), {@code earliestPendingWindowEnd} (window operators), {@code cep.partialMatches} and {@code cep.bufferedEvents} (CEP).
     */
    Map<String, Long> gauges();

}
