package dev.runnel.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Flink's {@code DataStreamUtils.collect}: runs the job and iterates the stream's records (Flink
 * declares a plain {@code Iterator}; Runnel's is also closeable). Runnel's
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

    /** Runs the job {@code jobName} (it must be bounded) and returns all of the stream's records. */
    public static <E> List<E> collectBoundedStream(DataStream<E> stream, String jobName) {
        List<E> records = new ArrayList<>();
        stream.executeAndCollect(jobName).forEachRemaining(records::add);
        return records;
    }

    /** The first {@code numElements} records of the stream; the job is then cancelled. */
    public static <E> List<E> collectUnboundedStream(DataStream<E> stream, int numElements, String jobName) {
        return stream.executeAndCollect(jobName, numElements);
    }
}
