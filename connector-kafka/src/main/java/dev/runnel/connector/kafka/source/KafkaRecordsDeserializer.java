package dev.runnel.connector.kafka.source;

import dev.runnel.api.functions.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Runs the source's {@link KafkaRecordDeserializationSchema} over a poll's records on the fetcher
 * thread, so that the task thread only emits. Flink deserializes on the task thread
 * ({@code KafkaRecordEmitter}); here the task thread also runs the operator chain and was measured
 * to be the busier of the two, so moving deserialization to the fetcher made the source faster
 * (benchmarks/README.md, "Kafka"). The schema is called from one thread only, the fetcher's.
 * Whatever it throws (an {@code Exception}) rejects that record for the dead-letter output.
 */
final class KafkaRecordsDeserializer<T> {

    private final KafkaRecordDeserializationSchema<T> schema;
    private final Collecting collector = new Collecting();

    KafkaRecordsDeserializer(KafkaRecordDeserializationSchema<T> schema) {
        this.schema = schema;
    }

    /** The records of each partition, leaving out those at or past the partition's stop offset ({@code stops}, absent: none). */
    List<PartitionRecords> deserialize(ConsumerRecords<byte[], byte[]> records, Map<TopicPartition, Long> stops) {
        List<PartitionRecords> result = new ArrayList<>(records.partitions().size());
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> polled = records.records(tp);
            Long stopOrNull = stops.get(tp);
            long stop = stopOrNull == null ? Long.MAX_VALUE : stopOrNull;
            PartitionRecords out = new PartitionRecords(tp, polled.size());
            collector.out = out;
            for (int i = 0, n = polled.size(); i < n; i++) {
                ConsumerRecord<byte[], byte[]> record = polled.get(i);
                if (record.offset() >= stop) {
                    break;
                }
                collector.offset = record.offset();
                collector.timestamp = record.timestamp() >= 0 ? record.timestamp() : Long.MIN_VALUE;
                int before = out.size;
                try {
                    schema.deserialize(record, collector);
                } catch (Exception e) {
                    out.size = before; // values collected before the failure are dropped with the record
                    out.add(new PartitionRecords.Rejected(KafkaDeadLetters.raw(record.value()), KafkaDeadLetters.reason(e)),
                        record.offset(), collector.timestamp);
                    continue;
                }
                if (out.size == before) {
                    out.add(PartitionRecords.SKIPPED, record.offset(), collector.timestamp);
                }
            }
            collector.out = null;
            result.add(out);
        }
        return result;
    }

    /** Appends each value with the current record's offset and timestamp. */
    private final class Collecting implements Collector<T> {
        PartitionRecords out;
        long offset;
        long timestamp;

        @Override
        public void collect(T record) {
            out.add(record, offset, timestamp);
        }
    }
}
