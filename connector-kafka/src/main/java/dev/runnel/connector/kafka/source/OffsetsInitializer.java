package dev.runnel.connector.kafka.source;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition starts (or, for {@link KafkaSourceBuilder#setBounded}, stops), as Flink's
 * {@code OffsetsInitializer}. A job restored from a checkpoint ignores the starting offsets: it
 * continues from the checkpointed ones.
 */
@FunctionalInterface
public interface OffsetsInitializer extends Serializable {

    /** The offset of every partition in {@code partitions}. */
    Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever);

    /** Used when a chosen offset is out of range (deleted by retention) and for committed offsets that are missing. */
    default OffsetResetStrategy getAutoOffsetResetStrategy() {
        return OffsetResetStrategy.EARLIEST;
    }

    /** What an initializer may ask the brokers. */
    interface PartitionOffsetsRetriever {
        /** Committed offsets of the source's group; partitions without one are left out. */
        Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions);

        Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

        Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

        /** The first offset whose timestamp is at or after the given one; partitions with none are left out. */
        Map<TopicPartition, Long> offsetsForTimes(Map<TopicPartition, Long> timestamps);
    }

    static OffsetsInitializer earliest() {
        return (partitions, retriever) -> retriever.beginningOffsets(partitions);
    }

    static OffsetsInitializer latest() {
        return new OffsetsInitializer() {
            @Override
            public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
                return retriever.endOffsets(partitions);
            }

            @Override
            public OffsetResetStrategy getAutoOffsetResetStrategy() {
                return OffsetResetStrategy.LATEST;
            }
        };
    }

    /** The group's committed offsets; a partition without one fails the job (Flink's default). */
    static OffsetsInitializer committedOffsets() {
        return committedOffsets(OffsetResetStrategy.NONE);
    }

    /** The group's committed offsets; a partition without one starts where {@code reset} says. */
    static OffsetsInitializer committedOffsets(OffsetResetStrategy reset) {
        Objects.requireNonNull(reset, "reset");
        return new OffsetsInitializer() {
            @Override
            public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
                Map<TopicPartition, Long> offsets = new HashMap<>(retriever.committedOffsets(partitions));
                java.util.List<TopicPartition> missing = partitions.stream().filter(p -> !offsets.containsKey(p)).toList();
                if (!missing.isEmpty()) {
                    switch (reset) {
                        case EARLIEST -> offsets.putAll(retriever.beginningOffsets(missing));
                        case LATEST -> offsets.putAll(retriever.endOffsets(missing));
                        case NONE -> throw new IllegalStateException("No committed offset for " + missing
                            + " in the source's group; use OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST) to start those from the beginning");
                    }
                }
                return offsets;
            }

            @Override
            public OffsetResetStrategy getAutoOffsetResetStrategy() {
                return reset;
            }
        };
    }

    /** The first record at or after {@code timestamp} (epoch millis); partitions with none start at their end. */
    static OffsetsInitializer timestamp(long timestamp) {
        return (partitions, retriever) -> {
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, timestamp));
            Map<TopicPartition, Long> offsets = new HashMap<>(retriever.offsetsForTimes(query));
            java.util.List<TopicPartition> none = partitions.stream().filter(p -> !offsets.containsKey(p)).toList();
            if (!none.isEmpty()) {
                offsets.putAll(retriever.endOffsets(none));
            }
            return offsets;
        };
    }

    /** Explicit offsets; partitions not in the map start at their earliest offset. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets) {
        return offsets(offsets, OffsetResetStrategy.EARLIEST);
    }

    /** Explicit offsets; partitions not in the map start where {@code reset} says. */
    static OffsetsInitializer offsets(Map<TopicPartition, Long> offsets, OffsetResetStrategy reset) {
        Map<TopicPartition, Long> copy = Map.copyOf(offsets);
        return new OffsetsInitializer() {
            @Override
            public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions, PartitionOffsetsRetriever retriever) {
                Map<TopicPartition, Long> result = new HashMap<>();
                java.util.List<TopicPartition> missing = new java.util.ArrayList<>();
                for (TopicPartition p : partitions) {
                    Long o = copy.get(p);
                    if (o != null) {
                        result.put(p, o);
                    } else {
                        missing.add(p);
                    }
                }
                if (!missing.isEmpty()) {
                    switch (reset) {
                        case EARLIEST -> result.putAll(retriever.beginningOffsets(missing));
                        case LATEST -> result.putAll(retriever.endOffsets(missing));
                        case NONE -> throw new IllegalStateException("No offset given for " + missing);
                    }
                }
                return result;
            }

            @Override
            public OffsetResetStrategy getAutoOffsetResetStrategy() {
                return reset;
            }
        };
    }
}
