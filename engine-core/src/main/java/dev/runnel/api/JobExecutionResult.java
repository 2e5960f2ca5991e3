package dev.runnel.api;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Flink's view of a finished job, so that {@code JobExecutionResult result = env.execute("job")}
 * ports unchanged: {@link StreamEnvironment#execute} returns a {@link JobResult}, which is one.
 * Runnel has no accumulators ({@code getRuntimeContext().addAccumulator}), so a job has no
 * accumulator results: {@link #getAccumulatorResult} answers null, as Flink does for a name no
 * function registered.
 */
public interface JobExecutionResult {
    /** How long the job ran, in milliseconds. */
    long getNetRuntime();

    /** How long the job ran, in {@code desiredUnit} (truncated). */
    default long getNetRuntime(TimeUnit desiredUnit) {
        return desiredUnit.convert(getNetRuntime(), TimeUnit.MILLISECONDS);
    }

    /** The final value of the accumulator {@code accumulatorName}: always null (Runnel has no accumulators). */
    default <T> T getAccumulatorResult(String accumulatorName) {
        return null;
    }

    /** All accumulators' final values: always empty (Runnel has no accumulators). */
    default Map<String, Object> getAllAccumulatorResults() {
        return Map.of();
    }

    /** As Flink: the value of an {@code IntCounter} accumulator; always null. */
    default Integer getIntCounterResult(String accumulatorName) {
        return null;
    }

    /** True: the job has finished (Flink's submission results answer false). */
    default boolean isJobExecutionResult() {
        return true;
    }

    default JobExecutionResult getJobExecutionResult() {
        return this;
    }
}
