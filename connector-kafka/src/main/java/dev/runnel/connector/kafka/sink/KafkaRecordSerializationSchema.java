package dev.runnel.connector.kafka.sink;

import java.io.Serializable;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a record into a Kafka record: topic, key, value, optional partition and headers (Flink's
 * {@code KafkaRecordSerializationSchema}). {@link #builder()} covers the usual cases.
 */
@FunctionalInterface
public interface KafkaRecordSerializationSchema<T> extends Serializable {

    /**
     * @param timestamp the record's event time, or {@code null} when it has none; the builder's
     *                  schemas put it on the Kafka record
     * @return the Kafka record, or {@code null} to write nothing
     */
    ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp);

    static <T> KafkaRecordSerializationSchemaBuilder<T> builder() {
        return new KafkaRecordSerializationSchemaBuilder<>();
    }
}
