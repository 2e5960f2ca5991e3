package dev.runnel.connector.kafka.sink;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.PartitionInfo;

/** The sink context of one writer: its subtask and its producer's metadata. */
final class ProducerSinkContext implements KafkaSinkContext {
    private final int subtask;
    private final Producer<?, ?> producer;

    ProducerSinkContext(int subtask, Producer<?, ?> producer) {
        this.subtask = subtask;
        this.producer = producer;
    }

    @Override
    public int getParallelInstanceId() {
        return subtask;
    }

    @Override
    public int[] getPartitionsForTopic(String topic) {
        return producer.partitionsFor(topic).stream().mapToInt(PartitionInfo::partition).sorted().toArray();
    }
}
