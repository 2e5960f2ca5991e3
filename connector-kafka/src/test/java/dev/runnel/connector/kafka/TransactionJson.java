package dev.runnel.connector.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.runnel.examples.frauddetector.Transaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The S1 transactions as the generator writes them in JSON lines
 * ({@code {"transaction_id":..,"timestamp":"yyyy-MM-dd HH:mm:ss","amount":..}}, UTC), read from a
 * Kafka value the way the examples read a JSON line; anything else throws, which makes it a dead letter.
 */
final class TransactionJson implements DeserializationSchema<Transaction> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(Transaction.TIMESTAMP_PATTERN);

    @Override
    public Transaction deserialize(byte[] message) throws IOException {
        if (message == null || message.length == 0) {
            throw new IOException("empty value");
        }
        JsonNode node = JSON.readTree(message);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        JsonNode id = node.get("transaction_id");
        JsonNode time = node.get("timestamp");
        JsonNode amount = node.get("amount");
        if (id == null || !id.isTextual() || time == null || !time.isTextual() || amount == null || !amount.isNumber()) {
            throw new IOException("expected transaction_id (text), timestamp (text) and amount (number)");
        }
        long ts = LocalDateTime.parse(time.asText(), TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        return new Transaction(id.asText(), ts, amount.asDouble());
    }

    static String key(String jsonLine) {
        try {
            return JSON.readTree(jsonLine).get("transaction_id").asText();
        } catch (IOException e) {
            throw new IllegalArgumentException(jsonLine, e);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
