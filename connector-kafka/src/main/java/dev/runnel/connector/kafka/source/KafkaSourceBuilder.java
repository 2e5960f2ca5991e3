package dev.runnel.connector.kafka.source;

import dev.runnel.connector.kafka.DeserializationSchema;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;

/**
 * Flink's {@code KafkaSourceBuilder}. Besides Kafka's consumer properties, {@link #setProperty}
 * takes Flink's source options {@code partition.discovery.interval.ms} (default 5 minutes, -1 or
 * 0 turns discovery off; always off in bounded mode) and {@code commit.offsets.on.checkpoint}
 * (default true when a group id is set). Kafka's {@code default.api.timeout.ms} (default 60 s) is
 * how long the source waits for an unreachable broker before the job fails with an error that
 * names the bootstrap servers.
 */
public final class KafkaSourceBuilder<T> {
    static final String PARTITION_DISCOVERY_INTERVAL_MS = "partition.discovery.interval.ms";
    static final String COMMIT_OFFSETS_ON_CHECKPOINT = "commit.offsets.on.checkpoint";

    private final Properties props = new Properties();
    private TopicSubscriber subscriber;
    private OffsetsInitializer startingOffsets = OffsetsInitializer.earliest();
    private OffsetsInitializer stoppingOffsets;
    private KafkaRecordDeserializationSchema<T> deserializer;

    KafkaSourceBuilder() {}

    public KafkaSourceBuilder<T> setBootstrapServers(String bootstrapServers) {
        return setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    public KafkaSourceBuilder<T> setGroupId(String groupId) {
        return setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    }

    public KafkaSourceBuilder<T> setTopics(String... topics) {
        return setTopics(Arrays.asList(topics));
    }

    public KafkaSourceBuilder<T> setTopics(List<String> topics) {
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("setTopics needs at least one topic");
        }
        subscriber = new TopicSubscriber.Topics(List.copyOf(topics));
        return this;
    }

    /** Every topic whose whole name matches; topics created later are picked up by partition discovery. */
    public KafkaSourceBuilder<T> setTopicPattern(Pattern topicPattern) {
        subscriber = new TopicSubscriber.TopicPattern(Objects.requireNonNull(topicPattern, "topicPattern"));
        return this;
    }

    public KafkaSourceBuilder<T> setPartitions(Set<TopicPartition> partitions) {
        subscriber = new TopicSubscriber.Partitions(Set.copyOf(partitions));
        return this;
    }

    /** Where each partition starts when the job does not restore from a checkpoint (default: earliest). */
    public KafkaSourceBuilder<T> setStartingOffsets(OffsetsInitializer startingOffsetsInitializer) {
        startingOffsets = Objects.requireNonNull(startingOffsetsInitializer, "startingOffsetsInitializer");
        return this;
    }

    /**
     * Bounded mode: each partition stops at the offset {@code stoppingOffsetsInitializer} gives when
     * the job starts ({@code OffsetsInitializer.latest()}: what is there now), then the source ends.
     */
    public KafkaSourceBuilder<T> setBounded(OffsetsInitializer stoppingOffsetsInitializer) {
        stoppingOffsets = Objects.requireNonNull(stoppingOffsetsInitializer, "stoppingOffsetsInitializer");
        return this;
    }

    public KafkaSourceBuilder<T> setDeserializer(KafkaRecordDeserializationSchema<T> recordDeserializer) {
        deserializer = Objects.requireNonNull(recordDeserializer, "recordDeserializer");
        return this;
    }

    public KafkaSourceBuilder<T> setValueOnlyDeserializer(DeserializationSchema<T> deserializationSchema) {
        return setDeserializer(KafkaRecordDeserializationSchema.valueOnly(deserializationSchema));
    }

    public KafkaSourceBuilder<T> setClientIdPrefix(String prefix) {
        return setProperty(ConsumerConfig.CLIENT_ID_CONFIG, prefix);
    }

    public KafkaSourceBuilder<T> setProperty(String key, String value) {
        props.setProperty(key, value);
        return this;
    }

    public KafkaSourceBuilder<T> setProperties(Properties properties) {
        properties.stringPropertyNames().forEach(k -> props.setProperty(k, properties.getProperty(k)));
        return this;
    }

    public KafkaSource<T> build() {
        if (props.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
            throw new IllegalStateException("KafkaSource needs setBootstrapServers(\"host:port,...\")");
        }
        if (subscriber == null) {
            throw new IllegalStateException("KafkaSource needs setTopics(...), setTopicPattern(...) or setPartitions(...)");
        }
        if (deserializer == null) {
            throw new IllegalStateException("KafkaSource needs setValueOnlyDeserializer(...) or setDeserializer(...)");
        }
        Properties consumer = new Properties();
        consumer.putAll(props);
        String groupId = props.getProperty(ConsumerConfig.GROUP_ID_CONFIG);
        boolean commit = Boolean.parseBoolean(props.getProperty(COMMIT_OFFSETS_ON_CHECKPOINT, "true")) && groupId != null;
        long discovery = Long.parseLong(props.getProperty(PARTITION_DISCOVERY_INTERVAL_MS, "300000"));
        long apiTimeout = Long.parseLong(props.getProperty(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"));
        consumer.remove(PARTITION_DISCOVERY_INTERVAL_MS);
        consumer.remove(COMMIT_OFFSETS_ON_CHECKPOINT);
        // offsets live in the job's checkpoints; Kafka's own committing would only mislead lag monitoring
        consumer.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startingOffsets.getAutoOffsetResetStrategy().configValue());
        consumer.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaSource<>(new KafkaSourceConfig<>(subscriber, startingOffsets, stoppingOffsets, deserializer, consumer,
            groupId, commit, stoppingOffsets != null || discovery <= 0 ? null : Duration.ofMillis(discovery),
            Duration.ofMillis(apiTimeout)));
    }
}
