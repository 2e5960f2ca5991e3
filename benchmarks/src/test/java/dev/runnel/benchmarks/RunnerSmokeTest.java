package dev.runnel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every workload at a tiny size in-process, so the runner cannot rot. Timing is never asserted. */
class RunnerSmokeTest {

    @Test
    void everyWorkloadRunsAtTinySize() {
        for (Workload w : Workload.all()) {
            Measurement m = Measurement.run(w, 5_000, 42);
            assertThat(m.events()).isEqualTo(5_000);
            assertThat(m.wallNanos()).isPositive();
            // at this size W6/W7 legitimately find nothing (each key sees a handful of events)
            boolean expectsOutput = w.name().startsWith("H1") || (w.name().startsWith("W") && !w.name().startsWith("W6") && !w.name().equals("W7"));
            if (expectsOutput) {
                assertThat(m.outputs()).as(w.name()).isPositive();
            }
        }
    }

    @Test
    void w1GivesExactlyH1sResults() {
        Runner.checkW1AgainstH1();
    }

    @Test
    void tumblingOperatorFeedFiresExactlyTheWindowsH1FiresBeforeTheSameWatermark() {
        int n = 20_000;
        OperatorFeed feed = OperatorFeed.tumbling(n, 42);
        for (int i = 0; i < n; i++) {
            feed.step();
        }
        // after one lap the feed sent the watermark maxTs - 201 over the lap's events
        EventGenerator g = new EventGenerator(42);
        long maxTs = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            maxTs = Math.max(maxTs, g.next().ts);
        }
        long watermark = maxTs - 201;
        long[] due = new long[1];
        Baselines.h1(n, 42, (k, s, e, sum) -> {
            if (e - 1 <= watermark) {
                due[0]++;
            }
        });
        assertThat(due[0]).isPositive();
        assertThat(feed.outputs()).isEqualTo(due[0]);
    }

    @Test
    void everyOperatorFeedRuns() {
        List<OperatorFeed> feeds = List.of(OperatorFeed.sliding(20_000, 42), OperatorFeed.session(20_000, 42),
            OperatorFeed.cep("W5", CepWorkloads.w5Pattern(), 20_000, 42));
        for (OperatorFeed feed : feeds) {
            for (int i = 0; i < 50_000; i++) { // two and a half laps
                feed.step();
            }
            assertThat(feed.outputs()).isPositive();
        }
        // W6/W7 need more events per key than a small feed has; they must run without failing
        for (OperatorFeed feed : List.of(OperatorFeed.cep("W6", CepWorkloads.w6Pattern(), 20_000, 42),
                OperatorFeed.cep("W7", CepWorkloads.w7Pattern(), 20_000, 42))) {
            for (int i = 0; i < 50_000; i++) {
                feed.step();
            }
        }
    }

    @Test
    void latencyModeRecordsEveryOutputAfterWarmUp() {
        for (LatencyRunner.Pipeline p : LatencyRunner.Pipeline.values()) {
            LatencyRunner.Result r = LatencyRunner.measure(p, 200_000, 20_000, 5_000, 42);
            if (p == LatencyRunner.Pipeline.CEP) {
                assertThat(r.outputs()).as(p.name()).isPositive().isLessThan(15_000);
            } else {
                assertThat(r.outputs()).as(p.name()).isEqualTo(15_000);
            }
            assertThat(r.fromSchedule().getTotalCount()).isEqualTo(r.outputs());
            // expected-interval correction only ever adds samples
            assertThat(r.fromIngestion().getTotalCount()).isGreaterThanOrEqualTo(r.outputs());
        }
    }

    @Test
    void baselinesAgreeWithEachOther() {
        List<String> h1 = new ArrayList<>();
        List<String> h1p = new ArrayList<>();
        Baselines.h1(30_000, 7, (k, s, e, sum) -> h1.add(k + "," + s + "," + e + "," + sum));
        Baselines.h1p(30_000, 7, (k, s, e, sum) -> h1p.add(k + "," + s + "," + e + "," + sum));
        h1.sort(null);
        h1p.sort(null);
        assertThat(h1p).isEqualTo(h1);
    }

    @Test
    void generatorFollowsTheSpecifiedDrawOrder() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        Event e = new EventGenerator(42).next();
        assertThat(e.key).isEqualTo(r.nextLong(1_000_000));
        assertThat(e.ts).isEqualTo(r.nextInt(101));
        assertThat(e.type).isEqualTo(r.nextInt(10));
        assertThat(e.amount).isEqualTo(r.nextInt(1_000_001) / 100.0);
    }
}
