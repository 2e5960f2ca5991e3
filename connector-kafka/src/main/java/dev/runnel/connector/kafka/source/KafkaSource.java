package dev.runnel.connector.kafka.source;

import dev.runnel.api.source.ParallelSource;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceContext;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Properties;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads Kafka topics into a job, built as Flink's: {@code KafkaSource.<T>builder()
 * .setBootstrapServers(..).setTopics(..).setGroupId(..).setStartingOffsets(..)
 * .setValueOnlyDeserializer(..).build()}, then {@code env.fromSource(source, strategy, name)}.
 *
 * <p>Each partition is a split with its own watermark generator; the source's watermark is the
 * minimum over partitions that are not idle. The Kafka record's timestamp is the event time unless
 * the strategy has a timestamp assigner. The next offset of every partition is part of each
 * checkpoint, and a restored job continues exactly there; offsets are committed to the group when a
 * checkpoint completes, for lag monitoring only. Records the deserializer rejects go to
 * {@code DeadLetter.TAG} with topic-partition, offset and reason. At parallelism N each of N
 * readers reads its share of the partitions ({@link #owner}).
 */
public final class KafkaSource<T> implements ParallelSource<T> {
    private final KafkaSourceConfig<T> config;
    private final int subtask;
    private final int parallelism;
    private KafkaSourceReader<T> reader;

    KafkaSource(KafkaSourceConfig<T> config) {
        this(config, 0, 1);
    }

    private KafkaSource(KafkaSourceConfig<T> config, int subtask, int parallelism) {
        this.config = config;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    /**
     * The reader of subtask {@code subtask}: it reads the partitions Flink's enumerator would give
     * it ({@link #owner}), including partitions discovered later, and on a restore at another
     * parallelism takes the checkpointed offsets of exactly those.
     */
    @Override
    public Source<T> createReader(int subtask, int parallelism) {
        return new KafkaSource<>(config, subtask, parallelism);
    }

    /**
     * Which of {@code parallelism} readers reads {@code partition}: Flink's
     * {@code KafkaSourceEnumerator.getSplitOwner}, so a topic's partitions go round-robin from a
     * start that depends on the topic, and every reader computes the same answer on its own.
     */
    public static int owner(TopicPartition partition, int parallelism) {
        int start = ((partition.topic().hashCode() * 31) & 0x7FFFFFFF) % parallelism;
        return (start + partition.partition()) % parallelism;
    }

    public static <T> KafkaSourceBuilder<T> builder() {
        return new KafkaSourceBuilder<>();
    }

    @Override
    public boolean isBounded() {
        return config.stoppingOffsets() != null;
    }

    /** Every setting the builder collected, for back ends that run the source on another engine (runner-flink). */
    public KafkaSourceConfig<T> config() {
        return config;
    }

    /** The consumer properties this source runs with (a copy). */
    public Properties getConsumerProperties() {
        return config.consumerProperties();
    }

    @Override
    public void open(SourceContext context) {
        reader = new KafkaSourceReader<>(config, context.sourceName(), context.clock(), context.metricGroup(),
            p -> owner(p, parallelism) == subtask, config.elementQueueCapacity());
    }

    /** The running reader, null before {@link #open} and after {@link #close} (for tests). */
    KafkaSourceReader<T> reader() {
        return reader;
    }

    @Override
    public SourceStatus poll(SourceOutput<T> output, int maxRecords) throws Exception {
        return reader.poll(output, maxRecords);
    }

    @Override
    public void close() throws InterruptedException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Records read so far; the resumable position is the per-partition offsets in {@link #snapshotPosition}. */
    @Override
    public long position() {
        return reader == null ? 0 : reader.recordsRead();
    }

    @Override
    public void snapshotPosition(DataOutput out) throws IOException {
        reader.snapshot(out);
    }

    @Override
    public void restorePosition(DataInput in) throws IOException {
        reader.restore(in);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        reader.commitOffsetsOfLastSnapshot();
    }
}
