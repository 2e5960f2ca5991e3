package dev.runnel.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.api.DataStream;
import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.time.WatermarkStrategy;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiringDiagnosticsTest {

    @Test
    void namesTheSourceThatStoppedSendingAsTheInputHoldingTheWindowBack() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        DataStream<Long> steady = TestJobs.steady(env, "steady", 2000);
        DataStream<Long> stalled = env.fromSource(new TestJobs.StallingSource(10),
            WatermarkStrategy.<Long>forMonotonousTimestamps(), "stalled");
        TestJobs.windowed(steady.union(stalled));
        JobClient job = env.executeAsync("two-sources");
        try {
            URI endpoint = job.metricsEndpoint().orElseThrow();
            // the source counts as silent after FiringDiagnostics.SILENT_MILLIS without a record
            JsonNode diagnosis = diagnosis(TestJobs.getUntil(endpoint, "/jobs",
                body -> diagnosis(body).get("explanation").asText().contains("has sent no record")));
            assertThat(diagnosis.get("operator").asText()).isEqualTo("window-sum");
            assertThat(diagnosis.get("waiting").asBoolean()).isTrue();
            assertThat(diagnosis.get("fired").asBoolean()).isFalse();
            assertThat(diagnosis.get("earliestPendingWindowEnd").asLong()).isEqualTo(1000);
            assertThat(diagnosis.get("watermark").asLong()).isEqualTo(8); // stalled: max timestamp 9, minus 1
            JsonNode cause = diagnosis.get("heldBackBy").get(diagnosis.get("heldBackBy").size() - 1);
            assertThat(cause.get("operator").asText()).isEqualTo("stalled");
            assertThat(cause.get("source").asBoolean()).isTrue();
            assertThat(diagnosis.get("explanation").asText())
                .contains("source 'stalled' subtask 0", "has sent no record", "withIdleness")
                .doesNotContain("'steady'");
        } finally {
            job.cancel();
            job.await();
        }
    }

    @Test
    void anIdleSourceIsListedAsNotHoldingTheWatermarkBackAndTheWindowsFire() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        DataStream<Long> steady = TestJobs.steady(env, "steady", 2000);
        DataStream<Long> quiet = env.fromSource(new TestJobs.StallingSource(10),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withIdleness(Duration.ofMillis(300)), "quiet");
        TestJobs.windowed(steady.union(quiet));
        JobClient job = env.executeAsync("idle-source");
        try {
            URI endpoint = job.metricsEndpoint().orElseThrow();
            JsonNode diagnosis = diagnosis(TestJobs.getUntil(endpoint, "/jobs",
                body -> diagnosis(body).get("fired").asBoolean() && diagnosis(body).get("idleInputs").size() > 0));
            assertThat(diagnosis.get("fired").asBoolean()).isTrue();
            assertThat(diagnosis.get("idleInputs").get(0).asText()).isEqualTo("quiet#0");
            assertThat(diagnosis.get("explanation").asText()).contains("Idle input(s), not holding the watermark back: quiet#0");
        } finally {
            job.cancel();
            job.await();
        }
    }

    /** The first window operator's diagnosis in a {@code /jobs} body. */
    private static JsonNode diagnosis(String jobs) {
        try {
            return new ObjectMapper().readTree(jobs).get("jobs").get(0).get("diagnostics").get(0);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + jobs, e);
        }
    }
}
