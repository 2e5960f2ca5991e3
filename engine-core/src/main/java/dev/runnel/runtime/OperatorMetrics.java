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
    public volatile long currentWatermark = Long.MIN_VALUE;
    public volatile boolean idle;

    /** Named gauges an operator publishes (e.g. the CEP operator's partial matches); read racily, like the counters. */
    private final java.util.Map<String, java.util.function.LongSupplier> gauges = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Gauges with labels, published through {@link #metricGroup()}: by name and labels. */
    private final java.util.Map<String, LabeledSupplier> labeled = new java.util.concurrent.ConcurrentSkipListMap<>();

    private record LabeledSupplier(String name, java.util.Map<String, String> labels, java.util.function.LongSupplier value) {}

    public OperatorMetrics(String operatorName, int subtask) {
        this.operatorName = operatorName;
        this.subtask = subtask;
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

    /** The operator's {@link dev.runnel.api.metrics.MetricGroup}: plain levels go into names, key-value levels also into labels. */
    public dev.runnel.api.metrics.MetricGroup metricGroup() {
        return new Group("", java.util.Map.of());
    }

    private final class Group implements dev.runnel.api.metrics.MetricGroup {
        private final String prefix;
        private final java.util.Map<String, String> labels;

        Group(String prefix, java.util.Map<String, String> labels) {
            this.prefix = prefix;
            this.labels = labels;
        }

        @Override
        public dev.runnel.api.metrics.MetricGroup addGroup(String name) {
            return new Group(prefix + name + ".", labels);
        }

        @Override
        public dev.runnel.api.metrics.MetricGroup addGroup(String key, String value) {
            java.util.Map<String, String> more = new java.util.LinkedHashMap<>(labels);
            more.put(key, value);
            return new Group(prefix + key + ".", java.util.Collections.unmodifiableMap(more));
        }

        @Override
        public void gauge(String name, java.util.function.LongSupplier value) {
            if (labels.isEmpty()) {
                OperatorMetrics.this.gauge(prefix + name, value);
            } else {
                labeled.put(prefix + name + labels, new LabeledSupplier(prefix + name, labels, value));
            }
        }
    }

    @Override
    public java.util.List<dev.runnel.api.metrics.LabeledGauge> labeledGauges() {
        java.util.List<dev.runnel.api.metrics.LabeledGauge> values = new java.util.ArrayList<>();
        labeled.values().forEach(g -> values.add(new dev.runnel.api.metrics.LabeledGauge(g.name(), g.labels(), g.value().getAsLong())));
        return values;
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
