package dev.runnel.metrics.prometheus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.runnel.api.CheckpointStats;
import dev.runnel.api.metrics.JobMetricsView;
import dev.runnel.api.metrics.OperatorMetricsView;
import java.util.List;
import java.util.Map;

/**
 * The {@code /jobs} document: the job's graph with each operator's subtasks and their live numbers, and a
 * {@link FiringDiagnosis} per window or CEP operator. The live page renders exactly this, so scripts see
 * what people see.
 */
final class JobStatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobMetricsView job;
    private final LiveSampler sampler;
    private final FiringDiagnostics diagnostics;

    JobStatusJson(JobMetricsView job, LiveSampler sampler) {
        this.job = job;
        this.sampler = sampler;
        this.diagnostics = new FiringDiagnostics(job, sampler);
    }

    byte[] render() throws java.io.IOException {
        ObjectNode root = JSON.createObjectNode();
        long now = sampler.nowMillis();
        root.put("sampledAt", now);
        ArrayNode jobs = root.putArray("jobs");
        ObjectNode j = jobs.addObject();
        j.put("name", job.jobName());
        Throwable failure = job.failure();
        j.put("state", failure != null ? "FAILED" : job.isDone() ? "FINISHED" : "RUNNING");
        if (failure != null) {
            j.put("failure", String.valueOf(failure.getMessage()));
        }
        j.put("startTime", job.startTimeMillis());
        j.put("uptimeMillis", now - job.startTimeMillis());
        CheckpointStats cp = job.checkpoints();
        ObjectNode c = j.putObject("checkpoints");
        c.put("numberOfCompletedCheckpoints", cp.completed());
        c.put("numberOfFailedCheckpoints", cp.failed());
        c.put("lastCheckpointDuration", cp.lastDurationMillis());
        c.put("lastCheckpointSize", cp.lastSizeBytes());
        ArrayNode operators = j.putArray("operators");
        for (Map.Entry<String, List<OperatorMetricsView>> e : FiringDiagnostics.byName(job.operators()).entrySet()) {
            ObjectNode op = operators.addObject();
            op.put("name", e.getKey());
            ArrayNode inputs = op.putArray("inputs");
            job.inputs().getOrDefault(e.getKey(), List.of()).forEach(inputs::add);
            ArrayNode subtasks = op.putArray("subtasks");
            for (OperatorMetricsView m : e.getValue()) {
                subtasks.add(subtask(m, now));
            }
        }
        j.set("diagnostics", JSON.valueToTree(diagnostics.diagnoseAll()));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private ObjectNode subtask(OperatorMetricsView m, long now) {
        LiveSampler.Reading r = sampler.reading(m);
        ObjectNode s = JSON.createObjectNode();
        s.put("subtask", m.subtask());
        s.put("numRecordsIn", m.numRecordsIn());
        s.put("numRecordsOut", m.numRecordsOut());
        s.put("numRecordsInPerSecond", r.recordsInPerSecond);
        s.put("numRecordsOutPerSecond", r.recordsOutPerSecond);
        s.put("currentWatermark", m.currentWatermark());
        s.put("watermark", FiringDiagnostics.time(m.currentWatermark()));
        s.put("idle", m.idle());
        s.put("millisSinceLastRecord", now - r.lastRecordMillis);
        s.put("numLateRecordsDropped", m.numLateRecordsDropped());
        s.put("numDeadLetters", m.numDeadLetters());
        s.put("numFutureEvents", m.numFutureEvents());
        s.set("gauges", JSON.valueToTree(m.gauges()));
        return s;
    }
}
