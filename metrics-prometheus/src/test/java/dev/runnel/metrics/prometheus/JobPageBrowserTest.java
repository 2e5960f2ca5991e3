package dev.runnel.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Loads the live page of a running job in headless Chromium (Debian's package; see {@link HeadlessChromium}). */
class JobPageBrowserTest {

    @Test
    void thePageOfARunningJobLoadsWithoutScriptErrorsAndShowsItsNumbers() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        DataStream<Long> steady = TestJobs.steady(env, "steady", 2000);
        DataStream<Long> stalled = env.fromSource(new TestJobs.StallingSource(10),
            WatermarkStrategy.<Long>forMonotonousTimestamps(), "stalled");
        TestJobs.windowed(steady.union(stalled));
        JobClient job = env.executeAsync("browser");
        try {
            // until the diagnosis names the silent source (FiringDiagnostics.SILENT_MILLIS), which the page then shows
            TestJobs.getUntil(job.metricsEndpoint().orElseThrow(), "/jobs", body -> body.contains("has sent no record"));
            HeadlessChromium.Run run = HeadlessChromium.dumpDom(job.metricsEndpoint().orElseThrow().toString(), 3000);
            String dom = run.stdout();
            assertThat(job.isDone()).isFalse();

            assertThat(dom).as("no script errors").contains("id=\"errors\" data-count=\"0\"");
            assertThat(run.stderr()).doesNotContain("Uncaught");
            assertThat(dom).contains("<span id=\"job-name\">browser</span>", "RUNNING");
            assertThat(dom).as("refreshed at least twice from /jobs").containsPattern("data-updates=\"([2-9]|\\d\\d+)\"");
            for (String op : new String[] {"steady", "stalled", "window-sum", "discard"}) {
                assertThat(dom).contains("data-name=\"" + op + "\"");
            }
            assertThat(recordsIn(dom, "steady")).isGreaterThan(1000);
            assertThat(dom).contains("class=\"op holder\" data-name=\"stalled\"", "silent");
            assertThat(dom).contains("window-sum (window) has not fired yet", "source 'stalled' subtask 0");
            assertThat(dom).as("edges drawn between operator boxes").contains("<line ");
        } finally {
            job.cancel();
            job.await();
        }
    }

    /**
     * A second job, since Runnel's sources share one thread: a blocked consumer back-pressures all of them. The
     * page marks the producer of the blocked sink and shows its back-pressured ms per second per subtask.
     */
    @Test
    void thePageShowsBackPressurePerOperator() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        StreamEnvironment env = StreamEnvironment.create().enableMetricsEndpoint(0);
        TestJobs.backPressured(env, gate);
        JobClient job = env.executeAsync("pressure");
        try {
            TestJobs.getUntil(job.metricsEndpoint().orElseThrow(), "/jobs",
                body -> Pattern.compile("\"backPressuredTimeMsPerSecond\":(9\\d\\d|1000)").matcher(body).find()
                    && Pattern.compile("\"name\":\"blocked\".*?\"busyTimeMsPerSecond\":(9\\d\\d|1000)", Pattern.DOTALL).matcher(body).find());
            HeadlessChromium.Run run = HeadlessChromium.dumpDom(job.metricsEndpoint().orElseThrow().toString(), 2000);
            String dom = run.stdout();
            assertThat(dom).as("no script errors").contains("id=\"errors\" data-count=\"0\"");
            assertThat(dom).as("the producer of the blocked sink is marked back-pressured")
                .contains("data-name=\"flood\"><h2>flood<span class=\"badge pressure-HIGH\">back-pressured HIGH</span>")
                .containsPattern("class=\"back-pressure pressure-HIGH\">(9\\d\\d(\\.\\d)?|1,000)<");
            assertThat(dom).as("the blocked sink itself is busy, not back-pressured").contains("data-name=\"blocked\"><h2>blocked</h2>")
                .containsPattern("data-name=\"blocked\">.*?class=\"busy\">(9\\d\\d(\\.\\d)?|1,000)<");
        } finally {
            gate.countDown();
            job.cancel();
            job.await();
        }
    }

    /** The records-in cell of an operator's first subtask, as the page formats it (1,234). */
    private static long recordsIn(String dom, String operator) {
        Matcher m = Pattern.compile("data-name=\"" + operator + "\".*?class=\"records-in\">([0-9,]+)<", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("records-in of " + operator + " in the page").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
