package dev.runnel.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each case of the Flink comparison runs, and the three engines' jobs give the same number of outputs. */
class FlinkComparisonSmokeTest {
    private static long outputs(String variant, String workload, int parallelism, long n) throws Exception {
        String result = FlinkComparison.single(variant, workload, parallelism, n, 42);
        assertThat(result).startsWith("RESULT ");
        return Long.parseLong(result.split(" ")[2]);
    }

    @Test
    void w1AndW6GiveTheSameOutputCountsOnRunnelTheRunnerAndHandWrittenFlink() throws Exception {
        long w1 = outputs("runnel", "W1", 1, 20_000);
        assertThat(w1).isEqualTo(19_045);
        assertThat(outputs("runner", "W1", 2, 20_000)).isEqualTo(w1);
        assertThat(outputs("flink", "W1", 2, 20_000)).isEqualTo(w1);

        long w6 = outputs("runnel", "W6", 2, 150_000);
        assertThat(w6).isEqualTo(73);
        assertThat(outputs("runner", "W6", 1, 150_000)).isEqualTo(w6);
        assertThat(outputs("flink", "W6", 1, 150_000)).isEqualTo(w6);
    }
}
