package dev.runnel.connector.kafka;

import java.io.Serializable;

/** Turns a record into the bytes of a message (Flink's {@code SerializationSchema}). */
@FunctionalInterface
public interface SerializationSchema<T> extends Serializable {
    byte[] serialize(T element);
}
