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
 * 0 turns discovery off; always off in bounded mode), {@code commit.offsets.on.checkpoint}
 * (default true when a group id is set) and {@code source.reader.element.queue.capacity} (how many
 * polls the fetcher thread may run ahead of the job, default 16). Kafka's {@code default.api.timeout.ms} (default 60 s) is
 * how long the source waits for an unreachable broker before the job fails with an error that
 * names the bootstrap servers.
 */
public final class KafkaSourceBuilder<T> {
    static final String PARTITION_DISCOVERY_INTERVAL_MS = "partition.discovery.interval.ms";
    static final String COMMIT_OFFSETS_ON_CHECKPOINT = "commit.offsets.on.checkpoint";
    /**
     * Flink's {@code SourceReaderOptions.ELEMENT_QUEUE_CAPACITY}: how many polls' worth of records the
     * fetcher thread may run ahead of the task thread. Flink's default is 2, because its task thread
     * waits on the queue's availability future; Runnel's task loop backs off (up to 1 ms) when a round
     * moved nothing and is not woken by the fetcher, so the queue must hold more than a millisecond of
     * fetches or the fetcher stalls on a full queue while the task sleeps.
     */
    static final String ELEMENT_QUEUE_CAPACITY = "source.reader.element.queue.capacity";
    static final int DEFAULT_ELEMENT_QUEUE_CAPACITY = 16;

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
        consumer.remove(ELEMENT_QUEUE_CAPACITY);
        int queueCapacity = Integer.parseInt(props.getProperty(ELEMENT_QUEUE_CAPACITY, Integer.toString(DEFAULT_ELEMENT_QUEUE_CAPACITY)));
        if (queueCapacity < 1) {
            throw new IllegalArgumentException(ELEMENT_QUEUE_CAPACITY + " must be at least 1, not " + queueCapacity);
        }
        // offsets live in the job's checkpoints; Kafka's own committing would only mislead lag monitoring
        consumer.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, startingOffsets.getAutoOffsetResetStrategy().configValue());
        consumer.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaSource<>(new KafkaSourceConfig<>(subscriber, startingOffsets, stoppingOffsets, deserializer, consumer,
            groupId, commit, stoppingOffsets != null || discovery <= 0 ? null : Duration.ofMillis(discovery),
            Duration.ofMillis(apiTimeout), queueCapacity));
    }
}
