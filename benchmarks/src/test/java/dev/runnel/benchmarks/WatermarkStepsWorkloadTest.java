package dev.runnel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Watermark steps change when timers fire, never what the deterministic workloads compute: with a
 * periodic watermark every millisecond and one timer per step (so nearly every watermark goes out in
 * steps), every workload gives the outputs it gives with whole watermarks, and W1 gives H1's exact
 * lines.
 */
class WatermarkStepsWorkloadTest {
    private static final long EVENTS = 100_000;

    @AfterEach
    void clear() {
        System.clearProperty(BenchWatermarks.TIMERS_PER_STEP);
        System.clearProperty(BenchWatermarks.INTERVAL_MS);
    }

    private static void steps(int timersPerStep) {
        System.setProperty(BenchWatermarks.INTERVAL_MS, "1");
        System.setProperty(BenchWatermarks.TIMERS_PER_STEP, Integer.toString(timersPerStep));
    }

    @Test
    void everyDeterministicWorkloadGivesTheSameOutputsWithSteps() {
        for (Workload w : Workload.all()) {
            // baselines run no engine; W4 counts how often its timers found state, which depends on when the
            // (wall-clock) periodic watermarks come; W6R100 is too slow for a unit test at this size
            if (w.name().startsWith("H") || w.name().startsWith("W4") || w.name().equals("W6R100")) {
                continue;
            }
            steps(0);
            long whole = w.job().run(EVENTS, 42);
            steps(1);
            assertThat(w.job().run(EVENTS, 42)).as(w.name()).isEqualTo(whole);
        }
    }

    @Test
    void w1InStepsGivesH1sLines() {
        List<String> h1 = new java.util.ArrayList<>();
        Baselines.h1(EVENTS, 42, (k, s, e, sum) -> h1.add(k + "," + s + "," + e + "," + sum));
        steps(1);
        assertThat(EngineWorkloads.w1Lines(EVENTS, 42)).containsExactlyInAnyOrderElementsOf(h1);
    }
}
