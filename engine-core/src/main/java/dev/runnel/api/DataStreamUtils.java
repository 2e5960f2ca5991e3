package dev.runnel.api;

/**
 * Flink's {@code DataStreamUtils.collect}: runs the job and iterates the stream's records. Runnel's
 * version runs a bounded job to completion before returning (Flink's streams results while the job
 * runs), so it must not be used on an unbounded stream; use {@link DataStream#executeAndCollect(int)}
 * there, which stops the job after that many records.
 */
public final class DataStreamUtils {
    private DataStreamUtils() {}

    public static <T> CloseableIterator<T> collect(DataStream<T> stream) {
        return stream.executeAndCollect("DataStream Collect");
    }

    public static <T> CloseableIterator<T> collect(DataStream<T> stream, String executionJobName) {
        return stream.executeAndCollect(executionJobName);
    }
}
