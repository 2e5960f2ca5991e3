package dev.runnel.runtime;

/**
 * Counters of one operator instance. Written by the single thread that runs the instance and read
 * (racily, which is fine for monitoring) by others; final values are read after the job ends.
 */
public final class OperatorMetrics implements dev.runnel.api.metrics.OperatorMetricsView {
    private final String operatorName;
    private final int subtask;
    public long recordsIn;
    public long recordsOut;
    public long lateRecordsDropped;
    public long deadLetters;
    /** Events a {@code FutureEventGuard} sent to its side output (sources and timestamp assigners). */
    public long futureEvents;
    /** Late records sent to a late-data side output (counted apart from {@link #lateRecordsDropped}). */
    public long lateRecordsToSideOutput;
    public volatile long currentWatermark = Long.MIN_VALUE;
    public volatile boolean idle;

    /** Named gauges an operator publishes (e.g. the CEP operator's partial matches); read racily, like the counters. */
    private final java.util.Map<String, java.util.function.LongSupplier> gauges = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Metrics user functions registered through {@code getMetricGroup()}, by name and labels. */
    private final java.util.Map<String, dev.runnel.api.metrics.RegisteredMetric> userMetrics = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final UserMetricGroup metricGroup = new UserMetricGroup(this);
    /** The time split of the task (thread) running this instance; set when the job is built. */
    private TaskTimes taskTimes;
    private WatermarkWork watermarkWork = new WatermarkWork();

    public OperatorMetrics(String operatorName, int subtask) {
        this.operatorName = operatorName;
        this.subtask = subtask;
    }

    /** The group user functions of this instance register their metrics in. */
    public dev.runnel.api.metrics.OperatorMetricGroup metricGroup() {
        return metricGroup;
    }

    /** Registers a user metric, or returns the one registered before under the same name and labels. */
    dev.runnel.api.metrics.RegisteredMetric registerUserMetric(dev.runnel.api.metrics.RegisteredMetric metric) {
        return userMetrics.computeIfAbsent(metric.name() + metric.labels(), k -> metric);
    }

    void taskTimes(TaskTimes times) {
        this.taskTimes = times;
    }

    void watermarkWork(WatermarkWork work) {
        this.watermarkWork = work;
    }

    /** The count of timers fired on watermarks by the task (thread) running this instance; its own when run alone. */
    public WatermarkWork watermarkWork() {
        return watermarkWork;
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public int subtask() {
        return subtask;
    }

    /** Publishes a gauge; the supplier is read by whoever looks at the metrics. */
    public void gauge(String name, java.util.function.LongSupplier value) {
        gauges.put(name, value);
    }

    /** The current value of a gauge; throws if this operator has no such gauge. */
    public long gauge(String name) {
        java.util.function.LongSupplier g = gauges.get(name);
        if (g == null) {
            throw new IllegalArgumentException("Operator '" + operatorName + "' has no gauge '" + name + "'; gauges: " + gauges.keySet());
        }
        return g.getAsLong();
    }

    public java.util.Set<String> gaugeNames() {
        return gauges.keySet();
    }

    // the read-only view (dev.runnel.api.metrics): plain reads of the fields above, racy by design

    @Override
    public long numRecordsIn() {
        return recordsIn;
    }

    @Override
    public long numRecordsOut() {
        return recordsOut;
    }

    @Override
    public long numLateRecordsDropped() {
        return lateRecordsDropped;
    }

    @Override
    public long numDeadLetters() {
        return deadLetters;
    }

    @Override
    public long numFutureEvents() {
        return futureEvents;
    }

    @Override
    public long numLateRecordsToSideOutput() {
        return lateRecordsToSideOutput;
    }

    @Override
    public double accumulatedBusyTimeMs() {
        TaskTimes t = taskTimes;
        return t == null ? 0 : t.busyNanos(System.nanoTime()) / 1e6;
    }

    @Override
    public double accumulatedIdleTimeMs() {
        TaskTimes t = taskTimes;
        return t == null ? 0 : t.idleNanos(System.nanoTime()) / 1e6;
    }

    @Override
    public double accumulatedBackPressuredTimeMs() {
        TaskTimes t = taskTimes;
        return t == null ? 0 : t.backPressuredNanos(System.nanoTime()) / 1e6;
    }

    @Override
    public java.util.List<dev.runnel.api.metrics.RegisteredMetric> userMetrics() {
        return java.util.List.copyOf(userMetrics.values());
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public boolean idle() {
        return idle;
    }

    @Override
    public java.util.Map<String, Long> gauges() {
        java.util.Map<String, Long> values = new java.util.TreeMap<>();
        gauges.forEach((name, g) -> values.put(name, g.getAsLong()));
        return values;
    }

    @Override
    public String toString() {
        return operatorName + "#" + subtask + " in=" + recordsIn + " out=" + recordsOut + " late=" + lateRecordsDropped
            + (lateRecordsToSideOutput > 0 ? " lateToSideOutput=" + lateRecordsToSideOutput : "")
            + " deadLetters=" + deadLetters + (futureEvents > 0 ? " future=" + futureEvents : "")
            + " watermark=" + formatWatermark(currentWatermark) + (idle ? " (idle)" : "")
            + describeGauges();
    }

    private String describeGauges() {
        StringBuilder sb = new StringBuilder();
        // Long.MIN_VALUE is how time gauges (earliestPendingTimer) say "none"
        gauges.forEach((name, g) -> sb.append(' ').append(name).append('=').append(formatWatermark(g.getAsLong())));
        return sb.toString();
    }

    public static String formatWatermark(long wm) {
        if (wm == Long.MIN_VALUE) {
            return "none";
        }
        if (wm == Long.MAX_VALUE) {
            return "end";
        }
        return Long.toString(wm);
    }
}
