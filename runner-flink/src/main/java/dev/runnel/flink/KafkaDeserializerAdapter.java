package dev.runnel.flink;

import dev.runnel.api.source.DeadLetter;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.connector.kafka.source.KafkaDeadLetters;
import dev.runnel.connector.kafka.source.KafkaRecordDeserializationSchema;
import dev.runnel.runtime.FutureEventFilter;
import dev.runnel.runtime.WatermarkStrategies;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import dev.runnel.flink.kafka.shaded.org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Runnel's {@link KafkaRecordDeserializationSchema} (value-only or key and value, the user's or a
 * built-in) inside Flink's, with Runnel's dead letters: whatever the schema throws turns the Kafka
 * record into the same {@link DeadLetter} Runnel's source writes ({@link KafkaDeadLetters}), carried
 * as a {@link SideRecord} to the side-output step chained to the source ({@link SourceSideOutputs}),
 * and the job goes on. On Flink a schema that throws fails the job; this is how Runnel's meaning is kept.
 * A {@code null} result emits nothing, as on Runnel.
 *
 * <p>The source's future-event guard runs here too, because Flink's source operator stamps records
 * itself and has no side output: each record's timestamp (the strategy's assigner over the Kafka
 * timestamp) is checked against the guard in the order this subtask emits records, as Runnel's
 * reader of the same partitions does, and a record too far ahead goes to the guard's side output
 * with its timestamp instead of downstream (the generator never sees it). On Flink an accepted
 * record's timestamp is therefore computed twice, here and by Flink's timestamp assigner.
 */
final class KafkaDeserializerAdapter implements org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema<Object> {
    private static final long serialVersionUID = 1L;
    private final KafkaRecordDeserializationSchema<Object> runnel;
    private final Shipped<WatermarkStrategy<Object>> strategy;
    private transient FutureEventFilter<Object> futureEvents;
    private transient TimestampAssigner<Object> assigner;
    private transient long kafkaTimestamp;

    /** {@code strategy}: the source's, for its future-event guard, or {@code null} when it has none. */
    KafkaDeserializerAdapter(KafkaRecordDeserializationSchema<Object> runnel, Shipped<WatermarkStrategy<Object>> strategy) {
        this.runnel = runnel;
        this.strategy = strategy;
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Object> out) {
        org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> runnelRecord = KafkaRecords.toRunnel(record);
        try {
            if (strategy == null) {
                runnel.deserialize(runnelRecord, out::collect);
            } else {
                kafkaTimestamp = record.timestamp() >= 0 ? record.timestamp() : TimestampAssigner.NO_TIMESTAMP;
                runnel.deserialize(runnelRecord, value -> guarded(value, out));
            }
        } catch (Exception e) {
            // as on Runnel: what the schema collected before it threw stays emitted, then the dead letter
            out.collect(new SideRecord(DeadLetter.TAG.getId(), KafkaDeadLetters.of(runnelRecord, e), TimestampAssigner.NO_TIMESTAMP));
        }
    }

    private void guarded(Object value, Collector<Object> out) {
        if (futureEvents == null) {
            WatermarkStrategy<Object> s = strategy.get();
            futureEvents = FutureEventFilter.of(s, Clock.SYSTEM);
            assigner = WatermarkStrategies.assigner(s);
        }
        long ts = assigner == null ? kafkaTimestamp : assigner.extractTimestamp(value, kafkaTimestamp);
        out.collect(futureEvents.tooFarAhead(ts) ? new SideRecord(futureEvents.tag().getId(), value, ts) : value);
    }

    @Override
    public TypeInformation<Object> getProducedType() {
        return AnyType.INSTANCE;
    }

}
