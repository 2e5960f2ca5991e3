package dev.runnel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code --checkpoint-interval}: every workload runs with checkpoints (as often as they complete) and
 * gives the same outputs as without.
 */
class BenchCheckpointsTest {
    @Test
    void everyWorkloadGivesTheSameOutputsWithCheckpoints() {
        for (Workload w : Workload.all()) {
            if (w.name().startsWith("H") || w.name().startsWith("W4")) {
                // hand-written baselines have nothing to checkpoint; W4's counts depend on when the
                // periodic (wall-clock) watermarks fire its timers, and checkpoints change that timing
                continue;
            }
            long without = w.job().run(20_000, 42);
            System.setProperty(BenchCheckpoints.PROPERTY, "0");
            try {
                assertThat(w.job().run(20_000, 42)).as(w.name()).isEqualTo(without);
            } finally {
                System.clearProperty(BenchCheckpoints.PROPERTY);
            }
        }
    }
}
