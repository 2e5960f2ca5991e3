package dev.runnel.connector.kafka.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where newly assigned partitions start and (bounded) stop: a checkpoint's offsets when the
 * partition is in it, otherwise the starting-offsets initializer on the job's first assignment and
 * the earliest offset for partitions that appear later (as in Flink). A partition checkpointed by
 * an unbounded run and restored into a bounded one stops at the end the stopping initializer gives
 * now. Requests to the brokers may throw Kafka's {@code TimeoutException}.
 */
final class StartingPositions {
    static final long NO_STOP = Long.MAX_VALUE;

    private StartingPositions() {}

    /**
     * {@code {start, stop}} for each of {@code fresh}.
     *
     * @param restored the checkpoint's {@code {next, stop}} by partition, or null when the job did not restore
     * @param first    whether this is the reader's first assignment
     */
    static Map<TopicPartition, long[]> of(List<TopicPartition> fresh, Map<TopicPartition, long[]> restored, boolean first,
                                          KafkaSourceConfig<?> config, OffsetsInitializer.PartitionOffsetsRetriever retriever) {
        OffsetsInitializer stopping = config.stoppingOffsets();
        Map<TopicPartition, long[]> result = new HashMap<>();
        List<TopicPartition> unknown = new ArrayList<>();
        List<TopicPartition> stopUnknown = new ArrayList<>();
        for (TopicPartition p : fresh) {
            long[] r = restored == null ? null : restored.get(p);
            if (r == null) {
                unknown.add(p);
                continue;
            }
            result.put(p, new long[] {r[0], stopping == null ? NO_STOP : r[1]});
            if (r[1] == NO_STOP && stopping != null) {
                stopUnknown.add(p);
            }
        }
        if (!stopUnknown.isEmpty()) {
            stopping.getPartitionOffsets(stopUnknown, retriever).forEach((p, stop) -> result.get(p)[1] = stop);
        }
        if (!unknown.isEmpty()) {
            OffsetsInitializer initializer = first && restored == null ? config.startingOffsets() : OffsetsInitializer.earliest();
            Map<TopicPartition, Long> starts = initializer.getPartitionOffsets(unknown, retriever);
            Map<TopicPartition, Long> stops = stopping == null ? Map.of() : stopping.getPartitionOffsets(unknown, retriever);
            for (TopicPartition p : unknown) {
                Long start = starts.get(p);
                if (start == null) {
                    throw new IllegalStateException("no starting offset for " + p);
                }
                result.put(p, new long[] {start, stopping == null ? NO_STOP : stops.getOrDefault(p, NO_STOP)});
            }
        }
        return result;
    }
}
