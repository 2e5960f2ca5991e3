package dev.runnel.flink;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * Kafka's record types between Runnel's kafka-clients (4.x, what user schemas are written against)
 * and the relocated 3.4 client inside Flink's connector (module flink-kafka-shaded): the same fields,
 * copied, once per record. The relocated classes are named in full; the imports are Runnel's.
 */
final class KafkaRecords {
    private KafkaRecords() {}

    static ConsumerRecord<byte[], byte[]> toRunnel(dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> r) {
        RecordHeaders headers = new RecordHeaders();
        for (dev.runnel.flink.kafka.shaded.org.apache.kafka.common.header.Header h : r.headers()) {
            headers.add(h.key(), h.value());
        }
        return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), TimestampType.valueOf(r.timestampType().name()),
            r.serializedKeySize(), r.serializedValueSize(), r.key(), r.value(), headers, r.leaderEpoch());
    }

    static dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> toFlink(ProducerRecord<byte[], byte[]> r) {
        var headers = new dev.runnel.flink.kafka.shaded.org.apache.kafka.common.header.internals.RecordHeaders();
        for (Header h : r.headers()) {
            headers.add(h.key(), h.value());
        }
        return new dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.producer.ProducerRecord<>(r.topic(), r.partition(),
            r.timestamp(), r.key(), r.value(), headers);
    }

    static TopicPartition toRunnel(dev.runnel.flink.kafka.shaded.org.apache.kafka.common.TopicPartition p) {
        return new TopicPartition(p.topic(), p.partition());
    }

    static dev.runnel.flink.kafka.shaded.org.apache.kafka.common.TopicPartition toFlink(TopicPartition p) {
        return new dev.runnel.flink.kafka.shaded.org.apache.kafka.common.TopicPartition(p.topic(), p.partition());
    }

    static <V> Map<TopicPartition, V> keysToRunnel(Map<dev.runnel.flink.kafka.shaded.org.apache.kafka.common.TopicPartition, V> map) {
        return map.entrySet().stream().collect(Collectors.toMap(e -> toRunnel(e.getKey()), Map.Entry::getValue));
    }

    static <V> Map<dev.runnel.flink.kafka.shaded.org.apache.kafka.common.TopicPartition, V> keysToFlink(Map<TopicPartition, V> map) {
        return map.entrySet().stream().collect(Collectors.toMap(e -> toFlink(e.getKey()), Map.Entry::getValue));
    }
}
