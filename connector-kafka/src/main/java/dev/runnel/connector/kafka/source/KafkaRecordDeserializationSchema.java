package dev.runnel.connector.kafka.source;

import dev.runnel.api.functions.Collector;
import dev.runnel.connector.kafka.DeserializationSchema;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns a Kafka record (key, value, headers, topic, partition, offset) into zero or more records
 * (Flink's {@code KafkaRecordDeserializationSchema}). Whatever it throws makes the Kafka record a
 * dead letter: the job goes on.
 */
@FunctionalInterface
public interface KafkaRecordDeserializationSchema<T> extends Serializable {

    void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) throws IOException;

    /** Only the value counts; a {@code null} result is skipped. */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(DeserializationSchema<V> valueDeserializationSchema) {
        return (record, out) -> {
            V value = valueDeserializationSchema.deserialize(record.value());
            if (value != null) {
                out.collect(value);
            }
        };
    }

    /** Only the value counts, read with a Kafka {@link Deserializer} (created once per source). */
    static <V> KafkaRecordDeserializationSchema<V> valueOnly(Class<? extends Deserializer<V>> valueDeserializerClass) {
        return new KafkaRecordDeserializationSchema<>() {
            private transient Deserializer<V> deserializer;

            @Override
            public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<V> out) {
                if (deserializer == null) {
                    try {
                        deserializer = valueDeserializerClass.getDeclaredConstructor().newInstance();
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("Cannot create " + valueDeserializerClass.getName(), e);
                    }
                    deserializer.configure(Map.of(), false);
                }
                V value = deserializer.deserialize(record.topic(), record.headers(), record.value());
                if (value != null) {
                    out.collect(value);
                }
            }
        };
    }
}
