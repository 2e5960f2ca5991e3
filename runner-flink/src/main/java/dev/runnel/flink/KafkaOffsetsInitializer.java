package dev.runnel.flink;

import dev.runnel.connector.kafka.source.OffsetsInitializer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.consumer.OffsetResetStrategy;
import dev.runnel.flink.kafka.shaded.org.apache.kafka.common.TopicPartition;

/**
 * A Runnel {@link OffsetsInitializer} (built-in or the user's) as Flink's: Flink's enumerator calls
 * it with its own offsets retriever, which this hands to Runnel's initializer with the partitions
 * translated. Runnel's code decides the offsets, so every kind (earliest, latest, committed with its
 * reset strategy, timestamp, explicit offsets, a user's) means on Flink exactly what it means on
 * Runnel; Flink resolves them when the job starts, as Runnel does.
 */
final class KafkaOffsetsInitializer implements org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer {
    private static final long serialVersionUID = 1L;
    private final OffsetsInitializer runnel;

    KafkaOffsetsInitializer(OffsetsInitializer runnel) {
        this.runnel = runnel;
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions, PartitionOffsetsRetriever flink) {
        OffsetsInitializer.PartitionOffsetsRetriever retriever = new OffsetsInitializer.PartitionOffsetsRetriever() {
            @Override
            public Map<org.apache.kafka.common.TopicPartition, Long> committedOffsets(Collection<org.apache.kafka.common.TopicPartition> ps) {
                return KafkaRecords.keysToRunnel(flink.committedOffsets(toFlink(ps)));
            }

            @Override
            public Map<org.apache.kafka.common.TopicPartition, Long> endOffsets(Collection<org.apache.kafka.common.TopicPartition> ps) {
                return KafkaRecords.keysToRunnel(flink.endOffsets(toFlink(ps)));
            }

            @Override
            public Map<org.apache.kafka.common.TopicPartition, Long> beginningOffsets(Collection<org.apache.kafka.common.TopicPartition> ps) {
                return KafkaRecords.keysToRunnel(flink.beginningOffsets(toFlink(ps)));
            }

            @Override
            public Map<org.apache.kafka.common.TopicPartition, Long> offsetsForTimes(Map<org.apache.kafka.common.TopicPartition, Long> timestamps) {
                Map<org.apache.kafka.common.TopicPartition, Long> offsets = new HashMap<>();
                flink.offsetsForTimes(KafkaRecords.keysToFlink(timestamps)).forEach((p, o) -> {
                    if (o != null) {
                        offsets.put(KafkaRecords.toRunnel(p), o.offset());
                    }
                });
                return offsets;
            }
        };
        return KafkaRecords.keysToFlink(runnel.getPartitionOffsets(partitions.stream().map(KafkaRecords::toRunnel).toList(), retriever));
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return OffsetResetStrategy.valueOf(runnel.getAutoOffsetResetStrategy().name());
    }

    private static Collection<TopicPartition> toFlink(Collection<org.apache.kafka.common.TopicPartition> partitions) {
        return partitions.stream().map(KafkaRecords::toFlink).toList();
    }
}
