package dev.runnel.connector.kafka.sink;

import dev.runnel.connector.kafka.SerializationSchema;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Flink's {@code KafkaRecordSerializationSchemaBuilder}: a topic (or selector), a value schema, optionally key, partitioner and headers. */
public final class KafkaRecordSerializationSchemaBuilder<T> {
    private TopicSelector<? super T> topicSelector;
    private SerializationSchema<? super T> valueSchema;
    private SerializationSchema<? super T> keySchema;
    private KafkaPartitioner<? super T> partitioner;
    private HeaderProvider<? super T> headerProvider;

    KafkaRecordSerializationSchemaBuilder() {}

    public KafkaRecordSerializationSchemaBuilder<T> setTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        return setTopicSelector(e -> topic);
    }

    public KafkaRecordSerializationSchemaBuilder<T> setTopicSelector(TopicSelector<? super T> selector) {
        this.topicSelector = Objects.requireNonNull(selector, "selector");
        return this;
    }

    public KafkaRecordSerializationSchemaBuilder<T> setValueSerializationSchema(SerializationSchema<? super T> schema) {
        this.valueSchema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    public KafkaRecordSerializationSchemaBuilder<T> setKeySerializationSchema(SerializationSchema<? super T> schema) {
        this.keySchema = Objects.requireNonNull(schema, "schema");
        return this;
    }

    public KafkaRecordSerializationSchemaBuilder<T> setPartitioner(KafkaPartitioner<? super T> partitioner) {
        this.partitioner = Objects.requireNonNull(partitioner, "partitioner");
        return this;
    }

    public KafkaRecordSerializationSchemaBuilder<T> setHeaderProvider(HeaderProvider<? super T> headerProvider) {
        this.headerProvider = Objects.requireNonNull(headerProvider, "headerProvider");
        return this;
    }

    public KafkaRecordSerializationSchema<T> build() {
        if (topicSelector == null) {
            throw new IllegalStateException("KafkaRecordSerializationSchema needs setTopic(...) or setTopicSelector(...)");
        }
        if (valueSchema == null) {
            throw new IllegalStateException("KafkaRecordSerializationSchema needs setValueSerializationSchema(...)");
        }
        TopicSelector<? super T> topics = topicSelector;
        SerializationSchema<? super T> values = valueSchema;
        SerializationSchema<? super T> keys = keySchema;
        KafkaPartitioner<? super T> partitions = partitioner;
        HeaderProvider<? super T> headers = headerProvider;
        return (element, context, timestamp) -> {
            String topic = topics.apply(element);
            byte[] value = values.serialize(element);
            byte[] key = keys == null ? null : keys.serialize(element);
            Integer partition = partitions == null ? null
                : partitions.partition(element, key, value, topic, context.getPartitionsForTopic(topic));
            return new ProducerRecord<>(topic, partition, timestamp, key, value, headers == null ? null : headers.getHeaders(element));
        };
    }
}
