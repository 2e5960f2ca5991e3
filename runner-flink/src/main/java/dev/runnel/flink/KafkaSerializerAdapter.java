package dev.runnel.flink;

import dev.runnel.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema.KafkaSinkContext;
import dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Runnel's {@link KafkaRecordSerializationSchema} (topic or topic selector, key, value, partition or
 * partitioner, headers: whatever the user's schema or Runnel's builder decides) inside Flink's. It
 * gets the record's event time as on Runnel ({@code null} when it has none) and Flink's sink context
 * (subtask, the topic's partitions); its Kafka record is copied into the connector's record type.
 */
final class KafkaSerializerAdapter implements org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema<Object> {
    private static final long serialVersionUID = 1L;
    private final KafkaRecordSerializationSchema<Object> runnel;

    KafkaSerializerAdapter(KafkaRecordSerializationSchema<Object> runnel) {
        this.runnel = runnel;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Object element, KafkaSinkContext context, Long timestamp) {
        org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record = runnel.serialize(element, new Context(context), timestamp);
        return record == null ? null : KafkaRecords.toFlink(record);
    }

    private record Context(KafkaSinkContext flink) implements dev.runnel.connector.kafka.sink.KafkaSinkContext {
        @Override
        public int getParallelInstanceId() {
            return flink.getParallelInstanceId();
        }

        @Override
        public int[] getPartitionsForTopic(String topic) {
            return flink.getPartitionsForTopic(topic);
        }
    }
}
