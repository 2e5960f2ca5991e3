package dev.runnel.connector.kafka;

import java.nio.charset.StandardCharsets;

/** UTF-8 text both ways (Flink's {@code SimpleStringSchema}). */
public final class SimpleStringSchema implements DeserializationSchema<String>, SerializationSchema<String> {
    @Override
    public String deserialize(byte[] message) {
        return message == null ? null : new String(message, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] serialize(String element) {
        return element.getBytes(StandardCharsets.UTF_8);
    }
}
