package dev.runnel.examples.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.runnel.examples.io.Json;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The generator's JSON lines as Kafka records, one record per line, keyed by the field
 * {@code keyField} (the account or user the detectors key by), so that one key's events stay in
 * one partition in the order they were generated, as in the file. A line that is not a JSON object
 * with that field (a planted malformed line) goes without a key. Closing waits until the broker has
 * every record.
 */
final class TopicWriter extends Writer {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final String keyField;
    private final StringBuilder line = new StringBuilder();
    private long records;

    TopicWriter(String bootstrapServers, String topic, String keyField) {
        Properties p = new Properties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.setProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        // one batch in flight: a first batch the broker refuses while it takes up a new partition is retried before later
        // ones go, not after them with a stale sequence number (retried until the 120 s delivery timeout)
        p.setProperty(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.keyField = keyField;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                send(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    private void send(String text) {
        producer.send(new ProducerRecord<>(topic, key(text), text.getBytes(StandardCharsets.UTF_8)));
        records++;
    }

    private byte[] key(String text) {
        try {
            JsonNode field = Json.MAPPER.readTree(text).get(keyField);
            return field == null || field.isNull() ? null : field.asText().getBytes(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null; // a malformed line: any partition will do
        }
    }

    long records() {
        return records;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        if (line.length() > 0) {
            send(line.toString());
            line.setLength(0);
        }
        producer.flush();
        producer.close();
    }
}
