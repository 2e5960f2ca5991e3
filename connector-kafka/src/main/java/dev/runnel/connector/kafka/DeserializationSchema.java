package dev.runnel.connector.kafka;

import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of a message into a record (Flink's {@code DeserializationSchema}). Whatever it
 * throws makes the message a dead letter; returning {@code null} skips the message.
 */
@FunctionalInterface
public interface DeserializationSchema<T> extends Serializable {
    T deserialize(byte[] message) throws IOException;
}
