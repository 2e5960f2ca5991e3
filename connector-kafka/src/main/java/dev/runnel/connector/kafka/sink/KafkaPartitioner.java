package dev.runnel.connector.kafka.sink;

import java.io.Serializable;

/** Picks the partition of a record (Flink's {@code KafkaPartitioner}); without one Kafka's partitioner hashes the key. */
@FunctionalInterface
public interface KafkaPartitioner<T> extends Serializable {
    int partition(T record, byte[] key, byte[] value, String targetTopic, int[] partitions);
}
