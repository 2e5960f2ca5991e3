package dev.runnel.connector.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Transactions as JSON objects ({@code {"transaction_id":..,"timestamp":"yyyy-MM-dd HH:mm:ss","amount":..}},
 * UTC), the shape of the examples' S1 input; anything else throws, which makes it a dead letter.
 */
final class TransactionJson implements DeserializationSchema<TransactionJson.Transaction> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    record Transaction(String transactionId, long timestamp, double amount) {}

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

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
