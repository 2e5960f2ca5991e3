package dev.runnel.connector.kafka.source;

import dev.runnel.api.metrics.MetricGroup;
import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.Clock;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The task thread's part of a {@link KafkaSource} reader (Flink's {@code SourceReaderBase} with
 * {@code KafkaRecordEmitter}): takes what the fetcher thread ({@link KafkaSourceFetcherManager})
 * fetched and deserialized, emits each value through its partition's split output (rejected
 * records as dead letters with topic-partition and offset), and keeps
 * for each partition the offset after the last record emitted. Checkpoints hold those offsets, not
 * the fetcher's: records still in the hand-over queue are not in the checkpoint and are fetched
 * again after a restore.
 */
final class KafkaSourceReader<T> {
    private static final int FORMAT_VERSION = 1;

    /** One assigned partition: the next offset to emit, where it stops (bounded mode), its split output. */
    private static final class PartitionState<T> {
        final TopicPartition partition;
        final String splitId;
        long next;
        final long stop;
        SourceOutput<T> output;
        boolean finished;

        PartitionState(TopicPartition partition, long next, long stop) {
            this.partition = partition;
            this.splitId = partition.toString();
            this.next = next;
            this.stop = stop;
        }
    }

    private final KafkaSourceConfig<T> config;
    private final String name;
    private final int queueCapacity;
    private final Map<TopicPartition, PartitionState<T>> partitions = new LinkedHashMap<>();
    private final KafkaSourceReaderMetrics metrics;
    private final KafkaPartitionSplitReader splitReader;
    private final Clock clock;
    /** Whether this reader reads a partition (its share at the source's parallelism). */
    private final Predicate<TopicPartition> owns;
    /** Offsets and stops read from a checkpoint, handed to the fetcher for the first assignment. */
    private Map<TopicPartition, long[]> restored;
    private KafkaSourceFetcherManager fetcher;
    /** The element being emitted and where in it: partition by partition (one state lookup per partition, not per record). */
    private KafkaFetch current;
    private int partitionIndex;
    private PartitionRecords partitionRecords;
    private int index;
    private PartitionState<T> batchState;
    /** The offset of the Kafka record whose values are being emitted, -1 at the start of a partition's records. */
    private long emitting = -1;
    private boolean assigned;
    private long recordsRead;
    private Map<TopicPartition, OffsetAndMetadata> lastSnapshot;

    KafkaSourceReader(KafkaSourceConfig<T> config, String name, Clock clock, MetricGroup metrics, Predicate<TopicPartition> owns,
                      int queueCapacity) {
        this.config = config;
        this.owns = owns;
        this.name = name;
        this.clock = clock;
        this.queueCapacity = queueCapacity;
        this.metrics = new KafkaSourceReaderMetrics(metrics);
        this.splitReader = new KafkaPartitionSplitReader(config, name, clock, owns, this.metrics);
    }

    long recordsRead() {
        return recordsRead;
    }

    SourceStatus poll(SourceOutput<T> output, int maxRecords) throws InterruptedException {
        if (!assigned) {
            // the first assignment is awaited (as when the task thread assigned itself): a checkpoint must not
            // come before it, since the starting offsets it decides are part of the checkpoint from then on
            fetcher = new KafkaSourceFetcherManager(splitReader, config, clock, name, queueCapacity, restored);
            fetcher.start();
            begin(fetcher.awaitFirst(), output);
            assigned = true;
        }
        int emitted = 0;
        while (true) {
            PartitionRecords r = partitionRecords;
            if (r != null && index < r.size) {
                long offset = r.offsets[index];
                // all values of one Kafka record go out in the same poll: a checkpoint between them would lose the rest
                if (emitted >= maxRecords && offset != emitting) {
                    return SourceStatus.MORE_AVAILABLE;
                }
                Object value = r.values[index];
                long timestamp = r.timestamps[index++];
                PartitionState<T> state = batchState;
                if (state == null || state.finished || (offset < state.next && offset != emitting)) {
                    continue;
                }
                if (offset >= state.stop) {
                    finish(state, state.stop);
                    continue;
                }
                emitting = offset;
                state.next = offset + 1;
                if (value != PartitionRecords.SKIPPED) {
                    emit(state, value, offset, timestamp);
                    emitted++;
                }
            } else if (current != null && partitionIndex < current.records().size()) {
                partitionRecords = current.records().get(partitionIndex++);
                index = 0;
                emitting = -1;
                batchState = partitions.get(partitionRecords.partition);
            } else {
                if (current != null) {
                    current.finished().forEach((tp, position) -> finish(partitions.get(tp), position));
                    current = null;
                    partitionRecords = null;
                }
                KafkaFetch next = fetcher.poll();
                if (next == null) {
                    return emitted > 0 ? SourceStatus.MORE_AVAILABLE : nothingFetched(output);
                }
                begin(next, output);
            }
        }
    }

    /** Takes up a fetched element: first its new partitions, then its records. */
    private void begin(KafkaFetch fetch, SourceOutput<T> output) {
        for (KafkaFetch.Split split : fetch.added()) {
            PartitionState<T> state = new PartitionState<>(split.partition(), split.start(), split.stop());
            state.output = output.createOutputForSplit(state.splitId);
            partitions.put(split.partition(), state);
            metrics.register(split.partition(), () -> state.next);
        }
        current = fetch;
        partitionIndex = 0;
    }

    @SuppressWarnings("unchecked")
    private void emit(PartitionState<T> state, Object value, long offset, long timestamp) {
        recordsRead++;
        if (value instanceof PartitionRecords.Rejected rejected) {
            state.output.deadLetter(new DeadLetter(state.splitId, offset, rejected.raw(), rejected.reason()));
        } else {
            state.output.collect((T) value, timestamp);
        }
    }

    /**
     * Nothing fetched is waiting: a bounded reader whose partitions all ended is done; a reader
     * without partitions is idle (it must not hold watermarks back) until discovery gives it one.
     */
    private SourceStatus nothingFetched(SourceOutput<T> output) {
        if (config.stoppingOffsets() != null) {
            for (PartitionState<T> state : partitions.values()) {
                if (!state.finished) {
                    return SourceStatus.NOTHING_AVAILABLE;
                }
            }
            return SourceStatus.END_OF_INPUT;
        }
        if (partitions.isEmpty()) {
            output.markIdle();
        }
        return SourceStatus.NOTHING_AVAILABLE;
    }

    /**
     * The partition reached its stop offset; {@code position} is where the consumer stands (past
     * transaction markers), so a checkpoint of a finished partition holds its stop, not its last record.
     */
    private void finish(PartitionState<T> state, long position) {
        if (state == null || state.finished) {
            return;
        }
        state.finished = true;
        state.next = Math.max(state.next, Math.min(position, state.stop));
        state.output.releaseOutputForSplit(state.splitId);
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
        if (!config.commitOffsetsOnCheckpoint() || lastSnapshot == null || lastSnapshot.isEmpty() || fetcher == null) {
            return;
        }
        fetcher.commitOffsets(lastSnapshot);
        lastSnapshot = null;
    }

    /** Fetched elements not yet taken up by this thread (for tests). */
    int queuedFetches() {
        return fetcher == null ? 0 : fetcher.queued();
    }

    void close() throws InterruptedException {
        if (fetcher != null) {
            fetcher.close();
        } else {
            splitReader.close(); // never started: the consumer was not handed over
        }
    }
}
