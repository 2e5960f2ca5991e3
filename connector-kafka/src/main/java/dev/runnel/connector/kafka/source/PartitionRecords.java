package dev.runnel.connector.kafka.source;

import java.util.Arrays;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition's records of one poll, already deserialized on the fetcher thread: for each Kafka
 * record one entry per value it produced, or one {@link #SKIPPED} entry when it produced none, or
 * one {@link Rejected} entry when the deserializer threw; each entry with the Kafka record's offset
 * and timestamp. Parallel arrays, so the task thread walks them without a wrapper per record.
 */
final class PartitionRecords {
    /** The value of a record that produced nothing: it only moves the partition's offset on. */
    static final Object SKIPPED = new Object();

    /** A record the deserializer rejected, on its way to the dead-letter output. */
    record Rejected(String raw, String reason) {}

    final TopicPartition partition;
    Object[] values;
    long[] offsets;
    long[] timestamps;
    int size;

    PartitionRecords(TopicPartition partition, int capacity) {
        this.partition = partition;
        int c = Math.max(1, capacity);
        this.values = new Object[c];
        this.offsets = new long[c];
        this.timestamps = new long[c];
    }

    void add(Object value, long offset, long timestamp) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            timestamps = Arrays.copyOf(timestamps, size * 2);
        }
        values[size] = value;
        offsets[size] = offset;
        timestamps[size] = timestamp;
        size++;
    }
}
