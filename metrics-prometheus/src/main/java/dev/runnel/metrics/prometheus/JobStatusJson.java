package dev.runnel.metrics.prometheus;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.metrics.JobMetricsView;
import dev.runnel.api.metrics.OperatorMetricsView;
import dev.runnel.api.metrics.RegisteredMetric;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code /jobs} document: the job's graph with each operator's subtasks and their live numbers, and a
 * {@link FiringDiagnosis} per window or CEP operator. The live page renders exactly this, so scripts see
 * what people see.
 */
final class JobStatusJson {
    private final JobMetricsView job;
    private final LiveSampler sampler;
    private final FiringDiagnostics diagnostics;

    JobStatusJson(JobMetricsView job, LiveSampler sampler) {
        this.job = job;
        this.sampler = sampler;
        this.diagnostics = new FiringDiagnostics(job, sampler);
    }

    byte[] render() {
        JsonWriter w = new JsonWriter();
        long now = sampler.nowMillis();
        w.beginObject().field("sampledAt", now).name("jobs").beginArray().beginObject();
        w.field("name", job.jobName());
        Throwable failure = job.failure();
        w.field("state", failure != null ? "FAILED" : job.isDone() ? "FINISHED" : "RUNNING");
        if (failure != null) {
            w.field("failure", String.valueOf(failure.getMessage()));
        }
        w.field("startTime", job.startTimeMillis()).field("uptimeMillis", now - job.startTimeMillis());
        CheckpointStats cp = job.checkpoints();
        w.name("checkpoints").beginObject()
            .field("numberOfCompletedCheckpoints", cp.completed())
            .field("numberOfFailedCheckpoints", cp.failed())
            .field("lastCheckpointDuration", cp.lastDurationMillis())
            .field("lastCheckpointSize", cp.lastSizeBytes())
            .endObject();
        w.name("operators").beginArray();
        Map<String, List<String>> inputs = job.inputs();
        for (Map.Entry<String, List<OperatorMetricsView>> e : FiringDiagnostics.byName(job.operators()).entrySet()) {
            w.beginObject().field("name", e.getKey()).name("inputs").beginArray();
            for (String input : inputs.getOrDefault(e.getKey(), List.of())) {
                w.value(input);
            }
            w.endArray().name("subtasks").beginArray();
            for (OperatorMetricsView m : e.getValue()) {
                subtask(w, m, now);
            }
            w.endArray().endObject();
        }
        w.endArray().name("diagnostics").beginArray();
        for (FiringDiagnosis d : diagnostics.diagnoseAll()) {
            diagnosis(w, d);
        }
        return w.endArray().endObject().endArray().endObject().toBytes();
    }

    private void subtask(JsonWriter w, OperatorMetricsView m, long now) {
        LiveSampler.Reading r = sampler.reading(m);
        w.beginObject()
            .field("subtask", m.subtask())
            .field("numRecordsIn", m.numRecordsIn())
            .field("numRecordsOut", m.numRecordsOut())
            .field("numRecordsInPerSecond", r.recordsInPerSecond)
            .field("numRecordsOutPerSecond", r.recordsOutPerSecond)
            .field("busyTimeMsPerSecond", r.busyTimeMsPerSecond)
            .field("idleTimeMsPerSecond", r.idleTimeMsPerSecond)
            .field("backPressuredTimeMsPerSecond", r.backPressuredTimeMsPerSecond)
            .field("currentWatermark", m.currentWatermark())
            .field("watermark", FiringDiagnostics.time(m.currentWatermark()))
            .field("idle", m.idle())
            .field("millisSinceLastRecord", now - r.lastRecordMillis)
            .field("numLateRecordsDropped", m.numLateRecordsDropped())
            .field("numLateRecordsToSideOutput", m.numLateRecordsToSideOutput())
            .field("numDeadLetters", m.numDeadLetters())
            .field("numFutureEvents", m.numFutureEvents());
        w.name("gauges").beginObject();
        for (Map.Entry<String, Long> g : m.gauges().entrySet()) {
            w.field(g.getKey(), g.getValue());
        }
        w.endObject().name("userMetrics").beginArray();
        for (RegisteredMetric u : m.userMetrics()) {
            w.beginObject().field("name", u.name()).name("labels").beginObject();
            for (Map.Entry<String, String> l : new TreeMap<>(u.labels()).entrySet()) {
                w.field(l.getKey(), l.getValue());
            }
            Double value = u.value();
            w.endObject().field("value", value == null ? Double.NaN : value).endObject();
        }
        w.endArray().endObject();
    }

    private static void diagnosis(JsonWriter w, FiringDiagnosis d) {
        w.beginObject()
            .field("operator", d.operator())
            .field("kind", d.kind())
            .field("waiting", d.waiting())
            .field("fired", d.fired())
            .field("pending", d.pending())
            .field("earliestPendingWindowEnd", d.earliestPendingWindowEnd())
            .field("watermark", d.watermark())
            .name("heldBackBy").beginArray();
        for (FiringDiagnosis.Holder h : d.heldBackBy()) {
            w.beginObject()
                .field("operator", h.operator())
                .field("subtask", h.subtask())
                .field("watermark", h.watermark())
                .field("source", h.source())
                .field("millisSinceLastRecord", h.millisSinceLastRecord())
                .field("lagging", h.lagging())
                .endObject();
        }
        w.endArray().name("idleInputs").beginArray();
        for (String idle : d.idleInputs()) {
            w.value(idle);
        }
        w.endArray().field("explanation", d.explanation()).endObject();
    }
}
