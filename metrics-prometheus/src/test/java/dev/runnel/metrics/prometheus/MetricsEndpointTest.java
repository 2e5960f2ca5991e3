package dev.runnel.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

    @Test
    void scrapesARunningJobAndSeesRecordsInRiseAndTheWatermarkAdvance() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        TestJobs.windowed(TestJobs.steady(env, "gen", 2000));
        JobClient job = env.executeAsync("live");
        try {
            URI endpoint = job.metricsEndpoint().orElseThrow();
            // a first scrape once a watermark has reached the window, a second once both counters moved on
            String first = TestJobs.getUntil(endpoint, "/metrics",
                m -> m.contains("runnel_operator_currentInputWatermark") && watermark(m) > 0);
            String second = TestJobs.getUntil(endpoint, "/metrics",
                m -> recordsIn(m, "window-sum") > recordsIn(first, "window-sum") && watermark(m) > watermark(first)
                    && recordsIn(m, "gen") > recordsIn(first, "gen"));
            assertThat(job.isDone()).as("the job is still running while scraped").isFalse();

            assertThat(TestJobs.sample(second, "runnel_operator_numRecordsIn", "gen", 0))
                .isGreaterThan(TestJobs.sample(first, "runnel_operator_numRecordsIn", "gen", 0));
            assertThat(TestJobs.sample(second, "runnel_operator_numRecordsIn", "window-sum", 0))
                .isGreaterThan(TestJobs.sample(first, "runnel_operator_numRecordsIn", "window-sum", 0));
            double wm1 = TestJobs.sample(first, "runnel_operator_currentInputWatermark", "window-sum", 0);
            double wm2 = TestJobs.sample(second, "runnel_operator_currentInputWatermark", "window-sum", 0);
            assertThat(wm1).as("a watermark arrived").isGreaterThan(0);
            assertThat(wm2).as("the watermark advances").isGreaterThan(wm1);
            // 2000 a second, give or take a stalled thread catching up: the rate is sampled over whole
            // seconds, so a scrape in the job's first second (or right after a stall on a loaded
            // machine) may not show it yet; wait for a sample in range, and fail if none comes
            String rated = TestJobs.getUntil(endpoint, "/metrics", m -> {
                double rate = TestJobs.sample(m, "runnel_operator_numRecordsInPerSecond", "gen", 0);
                return rate >= 200.0 && rate <= 10_000.0;
            });
            assertThat(TestJobs.sample(rated, "runnel_operator_numRecordsInPerSecond", "gen", 0)).isBetween(200.0, 10_000.0);
            assertThat(second).contains("# TYPE runnel_operator_numRecordsIn gauge")
                .contains("runnel_job_numberOfCompletedCheckpoints{job=\"live\"} 0")
                .contains("runnel_operator_pendingWindowTimers{")
                .contains("runnel_operator_numLateRecordsToSideOutput{")
                .contains("runnel_operator_busyTimeMsPerSecond{")
                .contains("runnel_operator_idleTimeMsPerSecond{")
                .contains("runnel_operator_backPressuredTimeMsPerSecond{");
            assertThat(TestJobs.sample(second, "runnel_operator_numKeyedStateEntries", "window-sum", 0)).isNotNegative();
            assertThat(TestJobs.sample(second, "runnel_operator_numRegisteredTimers", "window-sum", 0)).isPositive();
        } finally {
            job.cancel();
            job.await();
        }
    }

    @Test
    void aBlockedConsumerShowsAsBackPressureOfItsProducerWithFlinksTimeSplit() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        TestJobs.backPressured(env, gate);
        JobClient job = env.executeAsync("pressure");
        try {
            URI endpoint = job.metricsEndpoint().orElseThrow();
            // a whole sampled second in which the flood's task waited on full channels and the sink sat in its own code
            // (the first sample splits the time since the start, which may be a few ms: wait for a second's worth)
            String m = TestJobs.getUntil(endpoint, "/metrics",
                body -> sampleOr(body, "runnel_operator_backPressuredTimeMsPerSecond", "flood") > 900
                    && sampleOr(body, "runnel_operator_busyTimeMsPerSecond", "blocked") > 900
                    && sampleOr(body, "runnel_operator_accumulatedBackPressuredTimeMs", "flood") > 900);
            assertThat(TestJobs.sample(m, "runnel_operator_busyTimeMsPerSecond", "flood", 0)
                + TestJobs.sample(m, "runnel_operator_idleTimeMsPerSecond", "flood", 0)
                + TestJobs.sample(m, "runnel_operator_backPressuredTimeMsPerSecond", "flood", 0)).isCloseTo(1000.0, within(1.0));
            assertThat(TestJobs.sample(m, "runnel_operator_accumulatedBackPressuredTimeMs", "flood", 0)).isGreaterThan(900);
            // the blocked sink waits in user code: busy, as in Flink, neither idle nor back-pressured
            assertThat(TestJobs.sample(m, "runnel_operator_backPressuredTimeMsPerSecond", "blocked", 0)).isZero();
            assertThat(TestJobs.sample(m, "runnel_operator_idleTimeMsPerSecond", "blocked", 0)).isLessThan(100);
            assertThat(TestJobs.getUntil(endpoint, "/jobs", body -> java.util.regex.Pattern.compile("\"backPressuredTimeMsPerSecond\":(9\\d\\d|1000)").matcher(body).find()))
                .contains("\"name\":\"flood\"");
        } finally {
            gate.countDown();
            job.cancel();
            job.await();
        }
    }

    private static double sampleOr(String exposition, String metric, String operator) {
        try {
            return TestJobs.sample(exposition, metric, operator, 0);
        } catch (AssertionError notYet) {
            return -1;
        }
    }

    @Test
    void jobsJsonDescribesTheGraphAndTheEndpointStopsWhenTheJobEnds() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        TestJobs.windowed(TestJobs.steady(env, "gen", 1000));
        JobClient job = env.executeAsync("graph");
        URI endpoint = job.metricsEndpoint().orElseThrow();
        JsonNode doc = new ObjectMapper().readTree(TestJobs.get(endpoint, "/jobs"));
        JsonNode j = doc.get("jobs").get(0);
        assertThat(j.get("name").asText()).isEqualTo("graph");
        assertThat(j.get("state").asText()).isEqualTo("RUNNING");
        assertThat(j.findValuesAsText("name")).contains("gen", "window-sum", "discard");
        for (JsonNode op : j.get("operators")) {
            if (op.get("name").asText().equals("window-sum")) {
                assertThat(op.get("inputs").get(0).asText()).isEqualTo("gen");
            }
        }
        assertThat(j.get("diagnostics").get(0).get("operator").asText()).isEqualTo("window-sum");
        assertThat(TestJobs.get(endpoint, "/")).contains("<title>Runnel job</title>");

        job.cancel();
        job.await();
        TestJobs.await("the endpoint to stop after the job ended", () -> {
            try {
                TestJobs.get(endpoint, "/jobs");
                return false;
            } catch (java.io.IOException refused) {
                return true;
            }
        }, () -> "");
    }

    @Test
    void aPortInUseFailsTheStartNamingThePort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(taken.getLocalPort());
            TestJobs.windowed(TestJobs.steady(env, "gen", 100));
            assertThatThrownBy(() -> env.executeAsync("clash"))
                .hasMessageContaining("metrics endpoint on port " + taken.getLocalPort());
        }
    }

    private static double watermark(String exposition) {
        try {
            return TestJobs.sample(exposition, "runnel_operator_currentInputWatermark", "window-sum", 0);
        } catch (RuntimeException | AssertionError notYet) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static double recordsIn(String exposition, String operator) {
        try {
            return TestJobs.sample(exposition, "runnel_operator_numRecordsIn", operator, 0);
        } catch (RuntimeException | AssertionError notYet) {
            return -1;
        }
    }
}
