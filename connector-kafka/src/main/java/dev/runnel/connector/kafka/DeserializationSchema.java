package dev.runnel.connector.kafka;

import dev.runnel.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of a message into a record (Flink's {@code DeserializationSchema}). Whatever it
 * throws makes the message a dead letter; returning {@code null} skips the message.
 */
@FunctionalInterface
public interface DeserializationSchema<T> extends Serializable {
    T deserialize(byte[] message) throws IOException;

    /**
     * Flink's end-of-stream test, so that Flink schemas that implement it compile. The Kafka source
     * does not call it, as Flink's {@code KafkaSource} does not (bound a source with {@code setBounded}).
     */
    default boolean isEndOfStream(T nextElement) {
        return false;
    }

    /** Flink's {@code getProducedType()}, accepted for schemas ported from Flink; Runnel needs no type information. */
    @SuppressWarnings("unchecked")
    default TypeInformation<T> getProducedType() {
        return (TypeInformation<T>) TypeInformation.of(Object.class);
    }
}
