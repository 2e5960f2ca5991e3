package dev.runnel.connector.kafka.source;

import dev.runnel.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call a Kafka source reader makes to its {@link KafkaConsumer}, made on the fetcher thread
 * only (the consumer is not thread-safe): finding and assigning partitions, polling, noticing where
 * bounded partitions end, probing silent brokers, committing offsets, closing. Flink's
 * {@code KafkaPartitionSplitReader}, plus the partition discovery Flink's enumerator does (here
 * every reader finds its own share, see {@link KafkaSource#owner}).
 */
final class KafkaPartitionSplitReader {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaPartitionSplitReader.class);
    /** How long a poll waits for a fetch; bounds how long a queued task (a commit) or a close waits. */
    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final KafkaSourceConfig<?> config;
    private final String name;
    private final Clock clock;
    private final Predicate<TopicPartition> owns;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConsumerOffsetsRetriever retriever;
    private final KafkaSourceReaderMetrics metrics;
    private final KafkaRecordsDeserializer<?> deserializer;
    /** Assigned partitions and their stop offsets, in assignment order. */
    private final Map<TopicPartition, Long> assigned = new LinkedHashMap<>();
    /** Assigned partitions not yet at their stop offset. */
    private final Map<TopicPartition, Long> active = new LinkedHashMap<>();
    private long lastContact;
    /** Offsets of a completed checkpoint whose asynchronous commit failed (e.g. the group's coordinator was not ready). */
    private Map<TopicPartition, OffsetAndMetadata> failedCommit;

    KafkaPartitionSplitReader(KafkaSourceConfig<?> config, String name, Clock clock, Predicate<TopicPartition> owns,
                              KafkaSourceReaderMetrics metrics) {
        this.config = config;
        this.name = name;
        this.clock = clock;
        this.owns = owns;
        this.metrics = metrics;
        this.deserializer = new KafkaRecordsDeserializer<>(config.deserializer());
        this.consumer = new KafkaConsumer<>(config.consumerProperties(),
            new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        this.retriever = new ConsumerOffsetsRetriever(consumer, config.groupId(), name, config.apiTimeout());
        this.lastContact = clock.millis();
    }

    boolean hasPartitions() {
        return !assigned.isEmpty();
    }

    /**
     * Finds partitions this reader owns and does not read yet, assigns them where a checkpoint, the
     * starting-offsets initializer or (new ones) earliest says, and returns them; partitions that
     * start at their stop offset are paused at once and listed in {@code finished}.
     */
    List<KafkaFetch.Split> discover(Map<TopicPartition, long[]> restored, boolean first, Map<TopicPartition, Long> finished) {
        List<TopicPartition> fresh;
        Map<TopicPartition, long[]> positions;
        try {
            fresh = config.subscriber().partitions(consumer, config.apiTimeout(), first).stream()
                .filter(p -> owns.test(p) && !assigned.containsKey(p)).toList();
            if (fresh.isEmpty()) {
                return List.of();
            }
            positions = StartingPositions.of(fresh, restored, first, config, retriever);
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
        List<KafkaFetch.Split> splits = new ArrayList<>();
        for (TopicPartition p : fresh) {
            long[] position = positions.get(p);
            splits.add(new KafkaFetch.Split(p, position[0], position[1]));
            assigned.put(p, position[1]);
        }
        consumer.assign(new ArrayList<>(assigned.keySet()));
        for (KafkaFetch.Split s : splits) {
            consumer.seek(s.partition(), s.start());
            if (s.start() >= s.stop()) {
                finished.put(s.partition(), s.start());
            } else {
                active.put(s.partition(), s.stop());
            }
        }
        // assign() resumes every partition: pause again those at their end
        consumer.pause(assigned.keySet().stream().filter(p -> !active.containsKey(p)).toList());
        LOG.info("Kafka source '{}' reads {} (new: {})", name, TopicSubscriber.describe(assigned.keySet()), TopicSubscriber.describe(fresh));
        return splits;
    }

    /**
     * One poll: its records (possibly none), deserialized, and the partitions that reached their stop offset. An
     * empty poll also checks where bounded partitions are (their last offsets may be transaction
     * markers, which never arrive as records) and, after {@code default.api.timeout.ms} without
     * data, whether any broker still answers.
     */
    KafkaFetch fetch() {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(POLL_TIMEOUT);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            throw new IllegalStateException("Kafka source '" + name + "' could not read " + config.subscriber()
                + " from " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
        long now = clock.millis();
        Map<TopicPartition, Long> finished = new HashMap<>();
        if (records.isEmpty()) {
            if (config.stoppingOffsets() != null) {
                checkEnds(List.copyOf(active.keySet()), finished);
            }
            updateEnds(consumer.assignment()); // an empty fetch still tells where the partitions end
            if (now - lastContact >= config.apiTimeout().toMillis()) {
                probeBrokers();
                lastContact = now;
            }
        } else {
            lastContact = now;
            updateEnds(records.partitions());
            if (config.stoppingOffsets() != null) {
                checkEnds(records.partitions(), finished);
            }
        }
        if (records.isEmpty()) {
            return finished.isEmpty() ? null : new KafkaFetch(List.of(), List.of(), finished);
        }
        return new KafkaFetch(List.of(), deserializer.deserialize(records, assigned), finished);
    }

    /** Pauses the partitions among {@code partitions} whose position reached their stop offset and notes them in {@code finished}. */
    private void checkEnds(Collection<TopicPartition> partitions, Map<TopicPartition, Long> finished) {
        List<TopicPartition> done = new ArrayList<>();
        for (TopicPartition p : partitions) {
            Long stop = active.get(p);
            if (stop == null) {
                continue;
            }
            long position;
            try {
                position = consumer.position(p, config.apiTimeout());
            } catch (TimeoutException e) {
                throw unreachable(e);
            }
            if (position >= stop) {
                done.add(p);
                finished.put(p, position);
                active.remove(p);
            }
        }
        if (!done.isEmpty()) {
            consumer.pause(done);
        }
    }

    /**
     * Notes where each partition ends, from the consumer's lag after a fetch (no request: the fetch
     * response carried the high watermark), for the lag metrics.
     */
    private void updateEnds(Collection<TopicPartition> fetched) {
        for (TopicPartition tp : fetched) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isPresent()) {
                metrics.partition(tp).end = consumer.position(tp) + lag.getAsLong();
            }
        }
    }

    /** Asks the brokers for end offsets, which fails after the API timeout when none answers. */
    private void probeBrokers() {
        try {
            if (active.isEmpty()) {
                consumer.listTopics(config.apiTimeout());
            } else {
                consumer.endOffsets(List.copyOf(active.keySet()), config.apiTimeout());
            }
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
    }

    IllegalStateException unreachable(Exception cause) {
        return new IllegalStateException("Kafka source '" + name + "': no broker at " + config.bootstrapServers()
            + " answered within " + config.apiTimeout().toMillis() + " ms (default.api.timeout.ms) while reading "
            + config.subscriber() + "; is the broker up and reachable?", cause);
    }

    /** For lag monitoring only: commits a completed checkpoint's offsets to the group; a failure is retried later. */
    void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        failedCommit = null; // superseded by these newer offsets
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error == null) {
                committed.forEach((tp, offset) -> metrics.partition(tp).committed = offset.offset());
            } else {
                LOG.warn("Kafka source '{}' could not commit offsets to group {}: {}", name, config.groupId(), error.toString());
                failedCommit = offsets; // retried at the next checkpoint or at close
            }
        });
    }

    /** A last synchronous try for a completed checkpoint's offsets whose commit failed (still only for monitoring), then closes the consumer. */
    void close() {
        Map<TopicPartition, OffsetAndMetadata> pending = failedCommit;
        if (pending != null && !pending.isEmpty()) {
            try {
                consumer.commitSync(pending, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("Kafka source '{}' could not commit offsets to group {} at close: {}", name, config.groupId(), e.toString());
            }
        }
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /** Makes a blocking consumer call on the fetcher thread return with a {@code WakeupException}; thread-safe. */
    void wakeUp() {
        consumer.wakeup();
    }
}
