package dev.runnel.examples.frauddetector;

import dev.runnel.examples.io.Fields;

/**
 * One row of the input: {@code transaction_id,timestamp,amount}. As in the original recipe the id
 * names the account whose payments are summed; {@code timestamp} is epoch milliseconds.
 */
public record Transaction(String transactionId, long timestamp, double amount) {
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The columns {@link #parse} cannot do without: a CSV header must have them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("transaction_id", "timestamp", "amount");

    /** Reads a row; the local date-time is interpreted in the input's zone (UTC unless {@code --zone}). */
    public static Transaction parse(Fields row) {
        return new Transaction(row.text("transaction_id"), row.dateTime("timestamp", TIMESTAMP_PATTERN), row.doubleValue("amount"));
    }
}
