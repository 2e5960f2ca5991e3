package dev.runnel.benchmarks;

import dev.runnel.api.StreamEnvironment;
import java.time.Duration;

/**
 * Watermark settings for the benchmark jobs from system properties, so that one jar can run with
 * and without watermark steps ({@code -Drunnel.bench.timersPerWatermarkStep=0} is the engine before
 * steps; pass it to forked runs with {@code --jvm-flag}) and tests can make periodic watermarks
 * frequent ({@code runnel.bench.watermarkIntervalMs}). Unset properties leave the engine's defaults.
 */
final class BenchWatermarks {
    static final String TIMERS_PER_STEP = "runnel.bench.timersPerWatermarkStep";
    static final String INTERVAL_MS = "runnel.bench.watermarkIntervalMs";

    private BenchWatermarks() {}

    static StreamEnvironment apply(StreamEnvironment env) {
        Integer timers = Integer.getInteger(TIMERS_PER_STEP);
        if (timers != null) {
            env.getConfig().setTimersPerWatermarkStep(timers);
        }
        Long interval = Long.getLong(INTERVAL_MS);
        if (interval != null) {
            env.setAutoWatermarkInterval(Duration.ofMillis(interval));
        }
        return env;
    }
}
