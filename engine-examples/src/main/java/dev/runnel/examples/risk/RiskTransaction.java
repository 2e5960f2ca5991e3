package dev.runnel.examples.risk;

import dev.runnel.examples.io.Coordinates;
import dev.runnel.examples.io.Fields;
import java.util.List;

/** A transaction to score; {@code timestamp} is epoch milliseconds. */
public record RiskTransaction(String transactionId, String userId, String accountId, TransactionType type, double amount,
                              String currency, long timestamp, String merchantId, double latitude, double longitude) {

    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The columns {@link #parse} cannot do without: a CSV header must have them. */
    public static final List<String> COLUMNS =
        List.of("transaction_id", "user_id", "type", "amount", "timestamp", "latitude", "longitude");

    /**
     * Columns {@code transaction_id,user_id,account_id,type,amount,currency,timestamp,merchant_id,latitude,longitude};
     * a latitude outside [-90, 90] or a longitude outside [-180, 180] makes the row a dead letter.
     */
    public static RiskTransaction parse(Fields f) {
        return new RiskTransaction(f.text("transaction_id"), f.text("user_id"), f.textOr("account_id", ""),
            TransactionType.parse(f.text("type")), f.doubleValue("amount"), f.textOr("currency", "USD"),
            f.dateTime("timestamp", TIMESTAMP_PATTERN), f.textOr("merchant_id", ""),
            Coordinates.latitude("latitude", f.doubleValue("latitude")),
            Coordinates.longitude("longitude", f.doubleValue("longitude")));
    }
}
