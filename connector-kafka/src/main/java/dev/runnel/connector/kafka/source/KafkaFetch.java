package dev.runnel.connector.kafka.source;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * What the fetcher thread hands the task thread in one queue element (Flink's
 * {@code RecordsWithSplitIds}), to be applied in this order: partitions newly assigned (with the
 * offsets they start and stop at), the records of one poll (deserialized, per partition), then partitions that reached their stop
 * offset with the consumer's position there. The queue keeps elements in order, so a partition's
 * assignment comes before its records and its end after them.
 */
record KafkaFetch(List<Split> added, List<PartitionRecords> records, Map<TopicPartition, Long> finished) {

    /** A partition assigned to the reader: where it starts and where it stops ({@link StartingPositions#NO_STOP} when unbounded). */
    record Split(TopicPartition partition, long start, long stop) {}

    static KafkaFetch added(List<Split> added, Map<TopicPartition, Long> finished) {
        return new KafkaFetch(added, List.of(), finished);
    }
}
