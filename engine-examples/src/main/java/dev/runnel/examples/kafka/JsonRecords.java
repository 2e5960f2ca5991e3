package dev.runnel.examples.kafka;

import dev.runnel.connector.kafka.DeserializationSchema;
import dev.runnel.examples.io.JsonLinesSource;
import dev.runnel.examples.io.RecordFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * A Kafka record's value as one JSON object, read with the example's {@link RecordFormat} exactly
 * as a line of a JSON-lines file is: what {@code generate --topic} writes. Whatever fails (not
 * UTF-8 JSON, not an object, a field the format rejects, an empty value) throws, and the connector
 * turns the record into a dead letter with its topic-partition and offset.
 */
final class JsonRecords<T> implements DeserializationSchema<T> {
    private final transient RecordFormat<T> format;
    private final ZoneId zone;

    JsonRecords(RecordFormat<T> format, ZoneId zone) {
        this.format = format;
        this.zone = zone;
    }

    @Override
    public T deserialize(byte[] message) throws IOException {
        if (message == null || message.length == 0) {
            throw new IOException("empty value");
        }
        try {
            return JsonLinesSource.parse(new String(message, StandardCharsets.UTF_8), zone, format);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }
}
