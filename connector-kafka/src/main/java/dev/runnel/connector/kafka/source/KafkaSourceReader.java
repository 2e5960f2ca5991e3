package dev.runnel.connector.kafka.source;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.metrics.MetricGroup;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running part of a {@link KafkaSource}: one consumer with manually assigned partitions (as
 * Flink's reader: the job, not Kafka's group protocol, decides who reads what), the next offset of
 * each partition, and a split output per partition for its watermarks.
 */
final class KafkaSourceReader<T> {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
    private static final int FORMAT_VERSION = 1;
    /** How long a poll with nothing buffered waits for a fetch; bounds how long other sources and checkpoints wait. */
    private static final Duration FETCH_WAIT = Duration.ofMillis(5);

    /** One assigned partition: where it is, where it stops (bounded mode), its split output. */
    private static final class PartitionState<T> {
        final TopicPartition partition;
        final String splitId;
        long next;
        final long stop;
        SourceOutput<T> output;
        boolean finished;
        KafkaSourceReaderMetrics.Partition metrics;

        PartitionState(TopicPartition partition, long next, long stop) {
            this.partition = partition;
            this.splitId = partition.toString();
            this.next = next;
            this.stop = stop;
        }
    }

    private final KafkaSourceConfig<T> config;
    private final String name;
    private final Clock clock;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, PartitionState<T>> partitions = new LinkedHashMap<>();
    private final EmitCollector collector = new EmitCollector();
    private final ConsumerOffsetsRetriever retriever;
    private final KafkaSourceReaderMetrics metrics;
    /** Offsets and stops read from a checkpoint, consumed when the partitions are first assigned. */
    private Map<TopicPartition, long[]> restored;
    /** The records of the last fetch, taken partition by partition (one state lookup per partition, not per record). */
    private ConsumerRecords<byte[], byte[]> batch;
    private Iterator<TopicPartition> batchPartitions;
    private List<ConsumerRecord<byte[], byte[]>> partitionRecords = List.of();
    private int partitionIndex;
    private PartitionState<T> batchState;
    private boolean assigned;
    private long nextDiscovery;
    private long lastContact;
    private long recordsRead;
    private Map<TopicPartition, OffsetAndMetadata> lastSnapshot;

    /** Whether this reader reads a partition (its share at the source's parallelism). */
    private final java.util.function.Predicate<TopicPartition> owns;

    KafkaSourceReader(KafkaSourceConfig<T> config, String name, Clock clock, MetricGroup metrics,
                      java.util.function.Predicate<TopicPartition> owns) {
        this.config = config;
        this.owns = owns;
        this.name = name;
        this.clock = clock;
        this.metrics = new KafkaSourceReaderMetrics(metrics);
        this.consumer = new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.lastContact = clock.millis();
        this.retriever = new ConsumerOffsetsRetriever(consumer, config.groupId(), name, config.apiTimeout());
    }

    long recordsRead() {
        return recordsRead;
    }

    SourceStatus poll(SourceOutput<T> output, int maxRecords) throws IOException {
        long now = clock.millis();
        if (!assigned) {
            discover(output, true);
            assigned = true;
            nextDiscovery = now + discoveryMillis();
        } else if (config.discoveryInterval() != null && now >= nextDiscovery) {
            discover(output, false);
            nextDiscovery = now + discoveryMillis();
        }
        if (partitions.isEmpty()) {
            return noPartitions(output, now); // a parallel reader whose share is empty (more readers than partitions)
        }
        int emitted = 0;
        while (emitted < maxRecords) {
            if (partitionIndex >= partitionRecords.size()) {
                if (batchPartitions != null && batchPartitions.hasNext()) {
                    TopicPartition tp = batchPartitions.next();
                    partitionRecords = batch.records(tp);
                    partitionIndex = 0;
                    batchState = partitions.get(tp);
                    continue;
                }
                if (emitted > 0) {
                    return SourceStatus.MORE_AVAILABLE;
                }
                ConsumerRecords<byte[], byte[]> records = fetch();
                if (records.isEmpty()) {
                    return nothingFetched(now);
                }
                lastContact = now;
                updateEnds(records.partitions());
                batch = records;
                batchPartitions = records.partitions().iterator();
                continue;
            }
            ConsumerRecord<byte[], byte[]> record = partitionRecords.get(partitionIndex++);
            PartitionState<T> state = batchState;
            if (state == null || state.finished || record.offset() < state.next) {
                continue;
            }
            if (record.offset() >= state.stop) {
                finish(state);
                continue;
            }
            state.next = record.offset() + 1;
            emit(state, record);
            emitted++;
            if (state.next >= state.stop) {
                finish(state);
            }
        }
        return SourceStatus.MORE_AVAILABLE;
    }

    /**
     * Notes where each partition ends, from the consumer's lag after a fetch (no request: the fetch
     * response carried the high watermark), for the lag metrics.
     */
    private void updateEnds(Collection<TopicPartition> fetched) {
        for (TopicPartition tp : fetched) {
            PartitionState<T> state = partitions.get(tp);
            java.util.OptionalLong lag = consumer.currentLag(tp);
            if (state != null && lag.isPresent()) {
                state.metrics.end = consumer.position(tp) + lag.getAsLong();
            }
        }
    }

    private ConsumerRecords<byte[], byte[]> fetch() {
        try {
            // the classic consumer reads fetch responses inside poll: a short wait lets it take them as they
            // arrive instead of the task backing off between empty polls (measured: 0.59x -> see benchmarks/README.md)
            return consumer.poll(FETCH_WAIT);
        } catch (KafkaException e) {
            throw new IllegalStateException("Kafka source '" + name + "' could not read " + config.subscriber()
                + " from " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    private long discoveryMillis() {
        return config.discoveryInterval() == null ? Long.MAX_VALUE / 2 : config.discoveryInterval().toMillis();
    }

    private void emit(PartitionState<T> state, ConsumerRecord<byte[], byte[]> record) {
        recordsRead++;
        collector.target = state.output;
        collector.timestamp = record.timestamp() >= 0 ? record.timestamp() : Long.MIN_VALUE;
        try {
            config.deserializer().deserialize(record, collector);
        } catch (Exception e) {
            state.output.deadLetter(KafkaDeadLetters.of(record, e));
        }
    }

    /** A reader without partitions: done when bounded; otherwise idle (it must not hold watermarks back) until discovery gives it one. */
    private SourceStatus noPartitions(SourceOutput<T> output, long now) {
        if (config.stoppingOffsets() != null) {
            return SourceStatus.END_OF_INPUT;
        }
        output.markIdle();
        return SourceStatus.NOTHING_AVAILABLE;
    }

    /** Nothing came: a bounded source may be done; an unreachable broker becomes an error after the API timeout. */
    private SourceStatus nothingFetched(long now) {
        if (config.stoppingOffsets() != null) {
            for (PartitionState<T> state : partitions.values()) {
                if (!state.finished && consumer.position(state.partition, config.apiTimeout()) >= state.stop) {
                    finish(state);
                }
            }
            if (partitions.values().stream().allMatch(s -> s.finished)) {
                return SourceStatus.END_OF_INPUT;
            }
        }
        updateEnds(consumer.assignment()); // an empty fetch still tells where the partitions end
        if (now - lastContact >= config.apiTimeout().toMillis()) {
            probeBrokers();
            lastContact = now;
        }
        return SourceStatus.NOTHING_AVAILABLE;
    }

    /** Asks the brokers for end offsets, which fails after the API timeout when none answers. */
    private void probeBrokers() {
        try {
            List<TopicPartition> active = partitions.values().stream().filter(s -> !s.finished).map(s -> s.partition).toList();
            if (active.isEmpty()) {
                consumer.listTopics(config.apiTimeout());
            } else {
                consumer.endOffsets(active, config.apiTimeout());
            }
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
    }

    private IllegalStateException unreachable(Exception cause) {
        return new IllegalStateException("Kafka source '" + name + "': no broker at " + config.bootstrapServers()
            + " answered within " + config.apiTimeout().toMillis() + " ms (default.api.timeout.ms) while reading "
            + config.subscriber() + "; is the broker up and reachable?", cause);
    }

    private void finish(PartitionState<T> state) {
        state.finished = true;
        if (state.output != null) {
            state.output.releaseOutputForSplit(state.splitId);
        }
        consumer.pause(List.of(state.partition));
    }

    /** Finds partitions not read yet and assigns them, starting where a checkpoint, the initializer or (new ones) earliest says. */
    private void discover(SourceOutput<T> output, boolean first) {
        List<TopicPartition> found;
        try {
            found = config.subscriber().partitions(consumer, config.apiTimeout(), first);
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
        List<TopicPartition> fresh = found.stream().filter(p -> owns.test(p) && !partitions.containsKey(p)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<TopicPartition, long[]> positions;
        try {
            positions = StartingPositions.of(fresh, restored, first, config, retriever);
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
        for (TopicPartition p : fresh) {
            long[] position = positions.get(p);
            PartitionState<T> state = new PartitionState<>(p, position[0], position[1]);
            state.output = output.createOutputForSplit(state.splitId);
            partitions.put(p, state);
            state.metrics = metrics.register(p, () -> state.next);
        }
        consumer.assign(new ArrayList<>(partitions.keySet()));
        for (TopicPartition p : fresh) {
            PartitionState<T> state = partitions.get(p);
            consumer.seek(p, state.next);
            if (state.next >= state.stop) {
                finish(state);
            }
        }
        for (PartitionState<T> s : partitions.values()) {
            if (s.finished) {
                consumer.pause(List.of(s.partition));
            }
        }
        LOG.info("Kafka source '{}' reads {} (new: {})", name, TopicSubscriber.describe(partitions.keySet()), TopicSubscriber.describe(fresh));
    }

    void snapshot(DataOutput out) throws IOException {
        out.writeInt(FORMAT_VERSION);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Collection<PartitionState<T>> states = partitions.values();
        Map<TopicPartition, long[]> pendingRestore = new HashMap<>();
        if (restored != null && !assigned) {
            // not polled yet since the restore: keep this reader's share (at another parallelism the rest is another reader's)
            restored.forEach((p, r) -> {
                if (owns.test(p)) {
                    pendingRestore.put(p, r);
                }
            });
        }
        out.writeInt(states.size() + pendingRestore.size());
        for (PartitionState<T> s : states) {
            writeEntry(out, s.partition, s.next, s.stop);
            commit.put(s.partition, new OffsetAndMetadata(s.next));
        }
        for (Map.Entry<TopicPartition, long[]> e : pendingRestore.entrySet()) {
            writeEntry(out, e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        lastSnapshot = commit;
    }

    private static void writeEntry(DataOutput out, TopicPartition p, long next, long stop) throws IOException {
        out.writeUTF(p.topic());
        out.writeInt(p.partition());
        out.writeLong(next);
        out.writeLong(stop);
    }

    void restore(DataInput in) throws IOException {
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new IOException("Kafka source '" + name + "': checkpoint format " + version + " is not " + FORMAT_VERSION);
        }
        int n = in.readInt();
        if (restored == null) {
            restored = new HashMap<>(); // a restore at another parallelism hands over several old readers' offsets
        }
        for (int i = 0; i < n; i++) {
            TopicPartition p = new TopicPartition(in.readUTF(), in.readInt());
            restored.put(p, new long[] {in.readLong(), in.readLong()});
        }
    }

    /** For lag monitoring only: a restore reads its offsets from the checkpoint, never from the group. */
    void commitOffsetsOfLastSnapshot() {
        if (!config.commitOffsetsOnCheckpoint() || lastSnapshot == null || lastSnapshot.isEmpty()) {
            return;
        }
        failedCommit = null; // superseded by these newer offsets
        Map<TopicPartition, OffsetAndMetadata> offsets = lastSnapshot;
        consumer.commitAsync(offsets, (committed, error) -> {
            if (error == null) {
                committed.forEach((tp, offset) -> {
                    PartitionState<T> state = partitions.get(tp);
                    if (state != null) {
                        state.metrics.committed = offset.offset();
                    }
                });
            } else {
                LOG.warn("Kafka source '{}' could not commit offsets to group {}: {}", name, config.groupId(), error.toString());
                failedCommit = offsets; // retried at the next checkpoint or at close
            }
        });
        lastSnapshot = null;
    }

    /** Offsets of a completed checkpoint whose asynchronous commit failed (e.g. the group's coordinator was not ready). */
    private Map<TopicPartition, OffsetAndMetadata> failedCommit;

    void close() {
        // a last synchronous try for a completed checkpoint's offsets whose commit failed: still only for monitoring
        Map<TopicPartition, OffsetAndMetadata> pending = failedCommit;
        if (config.commitOffsetsOnCheckpoint() && pending != null && !pending.isEmpty()) {
            try {
                consumer.commitSync(pending, Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.warn("Kafka source '{}' could not commit offsets to group {} at close: {}", name, config.groupId(), e.toString());
            }
        }
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /** Hands deserialized records to the partition's split output with the Kafka record's timestamp. */
    private final class EmitCollector implements Collector<T> {
        SourceOutput<T> target;
        long timestamp;

        @Override
        public void collect(T record) {
            target.collect(record, timestamp);
        }
    }
}
