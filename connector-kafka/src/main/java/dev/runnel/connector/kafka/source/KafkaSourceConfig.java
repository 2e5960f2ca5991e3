package dev.runnel.connector.kafka.source;

import java.time.Duration;
import java.util.Properties;

/**
 * What {@link KafkaSourceBuilder} collected; immutable. Public so that a back end running the source
 * on another engine (runner-flink, onto Flink's Kafka connector) carries over every setting.
 *
 * @param properties           the consumer properties, without the source options below
 * @param groupId              the consumer group, or {@code null}
 * @param discoveryInterval    how often new partitions are looked for; {@code null}: never (bounded, or turned off)
 * @param apiTimeout           Kafka's {@code default.api.timeout.ms}
 * @param elementQueueCapacity polls the fetcher thread may hold ahead of the reader (Flink's {@code source.reader.element.queue.capacity})
 */
public record KafkaSourceConfig<T>(TopicSubscriber subscriber, OffsetsInitializer startingOffsets, OffsetsInitializer stoppingOffsets,
                                   KafkaRecordDeserializationSchema<T> deserializer, Properties properties, String groupId,
                                   boolean commitOffsetsOnCheckpoint, Duration discoveryInterval, Duration apiTimeout,
                                   int elementQueueCapacity) {

    /** The consumer properties (a copy). */
    public Properties consumerProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    String bootstrapServers() {
        return properties.getProperty("bootstrap.servers");
    }
}
