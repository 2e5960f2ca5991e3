package dev.runnel.connector.kafka.sink;

/** What a {@link KafkaRecordSerializationSchema} may know about where it runs (Flink's {@code KafkaSinkContext}). */
public interface KafkaSinkContext {
    int getParallelInstanceId();

    /** The partition numbers of {@code topic}, as the producer's metadata has them. */
    int[] getPartitionsForTopic(String topic);
}
