package dev.runnel.connector.kafka.source;

import java.time.Duration;
import java.util.Properties;

/** What {@link KafkaSourceBuilder} collected; immutable. */
record KafkaSourceConfig<T>(TopicSubscriber subscriber, OffsetsInitializer startingOffsets, OffsetsInitializer stoppingOffsets,
                            KafkaRecordDeserializationSchema<T> deserializer, Properties properties, String groupId,
                            boolean commitOffsetsOnCheckpoint, Duration discoveryInterval, Duration apiTimeout,
                            int elementQueueCapacity) {

    Properties consumerProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    String bootstrapServers() {
        return properties.getProperty("bootstrap.servers");
    }
}
