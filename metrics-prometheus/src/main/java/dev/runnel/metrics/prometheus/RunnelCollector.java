package dev.runnel.metrics.prometheus;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.metrics.JobMetricsView;
import dev.runnel.api.metrics.LabeledGauge;
import dev.runnel.api.metrics.OperatorMetricsView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exposes a job's live metrics to a Prometheus registry, read at each scrape, under Flink's metric names:
 * {@code runnel_operator_<name>{job, operator, subtask}} and {@code runnel_job_<name>{job}}. As Flink's
 * Prometheus reporter does, counters are exported as gauges so that the names stay exactly Flink's
 * ({@code numRecordsIn}, not {@code numRecordsIn_total}); {@code rate()} works on them all the same.
 */
final class RunnelCollector implements MultiCollector {
    static final String OPERATOR = "runnel_operator_";
    static final String JOB = "runnel_job_";

    private final JobMetricsView job;
    private final LiveSampler sampler;

    RunnelCollector(JobMetricsView job, LiveSampler sampler) {
        this.job = job;
        this.sampler = sampler;
    }

    /** Data points of one metric family, gathered before the snapshot is built. */
    private static final class Family {
        final GaugeSnapshot.Builder builder;

        Family(String name, String help) {
            this.builder = GaugeSnapshot.builder().name(name).help(help);
        }
    }

    private final Map<String, Family> families = new TreeMap<>();

    @Override
    public synchronized MetricSnapshots collect() {
        families.clear();
        long now = sampler.nowMillis();
        for (OperatorMetricsView op : job.operators()) {
            Labels labels = Labels.of("job", job.jobName(), "operator", op.operatorName(), "subtask", Integer.toString(op.subtask()));
            LiveSampler.Reading r = sampler.reading(op);
            operator("numRecordsIn", "Records that entered the operator (sources: records read)", labels, op.numRecordsIn());
            operator("numRecordsOut", "Records emitted on the main output", labels, op.numRecordsOut());
            operator("numRecordsInPerSecond", "Records in per second, sampled once a second", labels, r.recordsInPerSecond);
            operator("numRecordsOutPerSecond", "Records out per second, sampled once a second", labels, r.recordsOutPerSecond);
            long wm = op.currentWatermark();
            operator("currentInputWatermark", "Watermark received (epoch ms; Long.MIN_VALUE before the first)", labels, wm);
            operator("currentOutputWatermark", "Watermark forwarded (Runnel forwards what it received, after firing)", labels, wm);
            // lag only for a real event-time watermark: none yet or end of input has no meaningful lag
            if (wm != Long.MIN_VALUE && wm != Long.MAX_VALUE) {
                operator("watermarkLag", "Wall clock minus the current watermark, in milliseconds", labels, now - wm);
            }
            operator("numLateRecordsDropped", "Late records dropped (no late-data side output set)", labels, op.numLateRecordsDropped());
            operator("numDeadLetters", "Malformed input rows sent to the dead-letter output", labels, op.numDeadLetters());
            operator("numFutureEvents", "Events the future-event guard sent to its side output", labels, op.numFutureEvents());
            operator("idle", "1 while the operator is idle (withIdleness) and does not hold watermarks back", labels, op.idle() ? 1 : 0);
            operator("millisSinceLastRecord", "Wall-clock time since records-in last moved, sampled once a second", labels,
                now - r.lastRecordMillis);
            for (Map.Entry<String, Long> g : op.gauges().entrySet()) {
                operator(sanitize(g.getKey()), "Operator gauge " + g.getKey(), labels, g.getValue());
            }
            for (LabeledGauge g : op.labeledGauges()) {
                // key-value groups become labels, as in Flink's Prometheus reporter (e.g. a Kafka partition's topic and partition)
                operator(sanitize(g.name()), "Operator gauge " + g.name(), labels.merge(Labels.of(
                    g.labels().keySet().toArray(new String[0]), g.labels().values().toArray(new String[0]))), g.value());
            }
        }
        Labels jobLabels = Labels.of("job", job.jobName());
        CheckpointStats cp = job.checkpoints();
        jobGauge("numberOfCompletedCheckpoints", "Checkpoints completed", jobLabels, cp.completed());
        jobGauge("numberOfFailedCheckpoints", "Checkpoints that failed", jobLabels, cp.failed());
        jobGauge("lastCheckpointDuration", "Duration of the last completed checkpoint, in milliseconds", jobLabels, cp.lastDurationMillis());
        jobGauge("lastCheckpointSize", "Size of the last completed checkpoint, in bytes", jobLabels, cp.lastSizeBytes());
        jobGauge("uptime", "Milliseconds since the job started", jobLabels, now - job.startTimeMillis());
        jobGauge("isRunning", "1 while the job runs, 0 once it ended", jobLabels, job.isDone() ? 0 : 1);
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (Family f : families.values()) {
            snapshots.add(f.builder.build());
        }
        return new MetricSnapshots(snapshots);
    }

    private void operator(String name, String help, Labels labels, double value) {
        add(OPERATOR + name, help, labels, value);
    }

    private void jobGauge(String name, String help, Labels labels, double value) {
        add(JOB + name, help, labels, value);
    }

    private void add(String name, String help, Labels labels, double value) {
        families.computeIfAbsent(name, n -> new Family(n, help)).builder
            .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
    }

    /** Gauge names come from operators; keep them to Prometheus' classic name characters. */
    static String sanitize(String name) {
        return name.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}
