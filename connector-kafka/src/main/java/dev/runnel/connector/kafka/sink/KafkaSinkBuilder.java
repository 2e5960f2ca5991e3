package dev.runnel.connector.kafka.sink;

import dev.runnel.connector.base.DeliveryGuarantee;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Flink's {@code KafkaSinkBuilder}. The default delivery guarantee is {@code NONE}, as in Flink. */
public final class KafkaSinkBuilder<T> {
    private final Properties props = new Properties();
    private KafkaRecordSerializationSchema<T> serializer;
    private DeliveryGuarantee guarantee = DeliveryGuarantee.NONE;
    private String transactionalIdPrefix;

    KafkaSinkBuilder() {}

    public KafkaSinkBuilder<T> setBootstrapServers(String bootstrapServers) {
        return setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    public KafkaSinkBuilder<T> setRecordSerializer(KafkaRecordSerializationSchema<T> recordSerializer) {
        this.serializer = Objects.requireNonNull(recordSerializer, "recordSerializer");
        return this;
    }

    public KafkaSinkBuilder<T> setDeliveryGuarantee(DeliveryGuarantee deliveryGuarantee) {
        this.guarantee = Objects.requireNonNull(deliveryGuarantee, "deliveryGuarantee");
        return this;
    }

    /**
     * Names the sink's transactions ({@code <prefix>-<subtask>}) and the consumer group
     * ({@code <prefix>-<subtask>}) in which it records which checkpoints it committed. Must be
     * unique per sink across every job writing to the same cluster, and stay the same across restores.
     */
    public KafkaSinkBuilder<T> setTransactionalIdPrefix(String prefix) {
        this.transactionalIdPrefix = Objects.requireNonNull(prefix, "prefix");
        return this;
    }

    public KafkaSinkBuilder<T> setProperty(String key, String value) {
        props.setProperty(key, value);
        return this;
    }

    public KafkaSinkBuilder<T> setKafkaProducerConfig(Properties properties) {
        properties.stringPropertyNames().forEach(k -> props.setProperty(k, properties.getProperty(k)));
        return this;
    }

    public KafkaSink<T> build() {
        if (props.getProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalStateException("KafkaSink needs setBootstrapServers(\"host:port,...\")");
        }
        if (serializer == null) {
            throw new IllegalStateException("KafkaSink needs setRecordSerializer(KafkaRecordSerializationSchema.builder()...build())");
        }
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && (transactionalIdPrefix == null || transactionalIdPrefix.isBlank())) {
            throw new IllegalStateException("An EXACTLY_ONCE KafkaSink needs setTransactionalIdPrefix(...), unique per sink and stable across restores");
        }
        Properties copy = new Properties();
        copy.putAll(props);
        return new KafkaSink<>(copy, serializer, guarantee, transactionalIdPrefix);
    }
}
