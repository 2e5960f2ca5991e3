package dev.runnel.connector.kafka.source;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** What an {@link OffsetsInitializer} asks, answered by the source's consumer within the API timeout. */
final class ConsumerOffsetsRetriever implements OffsetsInitializer.PartitionOffsetsRetriever {
    private final Consumer<?, ?> consumer;
    private final String groupId;
    private final String sourceName;
    private final Duration timeout;

    ConsumerOffsetsRetriever(Consumer<?, ?> consumer, String groupId, String sourceName, Duration timeout) {
        this.consumer = consumer;
        this.groupId = groupId;
        this.sourceName = sourceName;
        this.timeout = timeout;
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(Collection<TopicPartition> partitions) {
        if (groupId == null) {
            throw new IllegalStateException("Kafka source '" + sourceName + "' starts from committed offsets but has no group id; call setGroupId(...)");
        }
        Map<TopicPartition, Long> result = new HashMap<>();
        consumer.committed(new HashSet<>(partitions), timeout).forEach((p, o) -> {
            if (o != null) {
                result.put(p, o.offset());
            }
        });
        return result;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return consumer.endOffsets(partitions, timeout);
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return consumer.beginningOffsets(partitions, timeout);
    }

    @Override
    public Map<TopicPartition, Long> offsetsForTimes(Map<TopicPartition, Long> timestamps) {
        Map<TopicPartition, Long> result = new HashMap<>();
        consumer.offsetsForTimes(timestamps, timeout).forEach((p, o) -> {
            if (o != null) {
                result.put(p, o.offset());
            }
        });
        return result;
    }
}
