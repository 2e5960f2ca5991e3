package dev.runnel.connector.kafka.sink;

import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.connector.base.DeliveryGuarantee;
import java.util.List;
import java.util.Properties;

/**
 * Writes a stream to Kafka, built as Flink's: {@code KafkaSink.<T>builder().setBootstrapServers(..)
 * .setRecordSerializer(..).setDeliveryGuarantee(..).setTransactionalIdPrefix(..).build()}, attached
 * with {@code stream.sinkTo(sink)}.
 *
 * <p>{@link DeliveryGuarantee#EXACTLY_ONCE}: the records of each checkpoint interval are one Kafka
 * transaction, committed when the checkpoint completes, so a {@code read_committed} consumer sees
 * each exactly once after any number of failures (see {@link ExactlyOnceWriter} for how).
 * {@link DeliveryGuarantee#AT_LEAST_ONCE}: every checkpoint waits until what was sent before it is
 * acknowledged. {@link DeliveryGuarantee#NONE}: fire and forget.
 */
public final class KafkaSink<T> implements TwoPhaseCommitSink<T> {
    private final Properties producerProperties;
    private final KafkaRecordSerializationSchema<T> serializer;
    private final DeliveryGuarantee guarantee;
    private final String transactionalIdPrefix;

    KafkaSink(Properties producerProperties, KafkaRecordSerializationSchema<T> serializer, DeliveryGuarantee guarantee,
              String transactionalIdPrefix) {
        this.producerProperties = producerProperties;
        this.serializer = serializer;
        this.guarantee = guarantee;
        this.transactionalIdPrefix = transactionalIdPrefix;
    }

    public static <T> KafkaSinkBuilder<T> builder() {
        return new KafkaSinkBuilder<>();
    }

    public DeliveryGuarantee getDeliveryGuarantee() {
        return guarantee;
    }

    // the settings, for back ends that run the sink on another engine (runner-flink)

    /** The producer properties (a copy). */
    public Properties getKafkaProducerConfig() {
        Properties copy = new Properties();
        copy.putAll(producerProperties);
        return copy;
    }

    public KafkaRecordSerializationSchema<T> getRecordSerializer() {
        return serializer;
    }

    /** The transactional id prefix, or {@code null} when none was set. */
    public String getTransactionalIdPrefix() {
        return transactionalIdPrefix;
    }

    @Override
    public Writer<T> createWriter(int subtask, List<byte[]> restored) throws Exception {
        Properties props = new Properties();
        props.putAll(producerProperties);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            return new ExactlyOnceWriter<>(props, serializer, transactionalIdPrefix, subtask, restored);
        }
        return new NonTransactionalWriter<>(props, serializer, subtask, guarantee == DeliveryGuarantee.AT_LEAST_ONCE);
    }
}
