package dev.runnel.connector.kafka.sink;

import dev.runnel.api.sink.TwoPhaseCommitSink;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** {@code NONE} and {@code AT_LEAST_ONCE}: records are sent as they come; at-least-once flushes at each checkpoint. */
final class NonTransactionalWriter<T> implements TwoPhaseCommitSink.Writer<T> {
    private static final byte[] NO_STATE = new byte[0];

    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaRecordSerializationSchema<T> serializer;
    private final KafkaSinkContext context;
    private final boolean flushOnCheckpoint;
    /** The first failed send; reported at the next write or checkpoint instead of being lost. */
    private volatile Exception asyncError;

    NonTransactionalWriter(Properties props, KafkaRecordSerializationSchema<T> serializer, int subtask, boolean flushOnCheckpoint) {
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.serializer = serializer;
        this.context = new ProducerSinkContext(subtask, producer);
        this.flushOnCheckpoint = flushOnCheckpoint;
    }

    @Override
    public void write(T value, long timestamp) throws Exception {
        checkAsyncError();
        ProducerRecord<byte[], byte[]> record = serializer.serialize(value, context, timestamp >= 0 ? timestamp : null);
        if (record != null) {
            producer.send(record, (metadata, error) -> {
                if (error != null && asyncError == null) {
                    asyncError = error;
                }
            });
        }
    }

    @Override
    public byte[] preCommit(long checkpointId) throws Exception {
        if (flushOnCheckpoint) {
            producer.flush();
            checkAsyncError();
        }
        return NO_STATE;
    }

    @Override
    public void commit(long checkpointId) {}

    @Override
    public void finish() throws Exception {
        producer.flush();
        checkAsyncError();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private void checkAsyncError() throws Exception {
        Exception e = asyncError;
        if (e != null) {
            throw new IllegalStateException("Kafka sink: sending a record failed: " + e.getMessage(), e);
        }
    }
}
