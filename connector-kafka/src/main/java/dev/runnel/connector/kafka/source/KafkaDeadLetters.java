package dev.runnel.connector.kafka.source;

import dev.runnel.api.source.DeadLetter;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The dead letter of a Kafka record its deserializer rejected: source {@code topic-partition}, line
 * the offset, raw the value as text (the first 200 characters and the size when longer), reason the
 * exception. One definition, so the source on Runnel and on Flink (runner-flink) report alike.
 */
public final class KafkaDeadLetters {
    private static final int RAW_LIMIT = 200;

    private KafkaDeadLetters() {}

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, Exception cause) {
        return new DeadLetter(record.topic() + "-" + record.partition(), record.offset(), raw(record.value()), reason(cause));
    }

    /** Why the record was rejected: the exception's type and message. */
    static String reason(Exception cause) {
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The value as text for the dead letter: the first 200 characters, and the size when longer. */
    static String raw(byte[] value) {
        if (value == null) {
            return "";
        }
        String text = new String(value, 0, Math.min(value.length, RAW_LIMIT * 4), StandardCharsets.UTF_8);
        return text.length() <= RAW_LIMIT && value.length <= RAW_LIMIT * 4 ? text
            : text.substring(0, Math.min(RAW_LIMIT, text.length())) + "... (" + value.length + " bytes)";
    }
}
