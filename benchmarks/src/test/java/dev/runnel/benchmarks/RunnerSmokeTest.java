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
            boolean expectsOutput = w.name().startsWith("H1") || (w.name().startsWith("W") && !w.name().equals("W6") && !w.name().equals("W7"));
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
