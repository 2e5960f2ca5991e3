package dev.runnel.examples.funnels;

import dev.runnel.examples.io.Fields;

/**
 * One shopper event: {@code user_id, segment, action, timestamp, price, amount}. A view carries the
 * price of what was viewed, a purchase the amount paid; either is NaN when absent. {@code timestamp}
 * is epoch milliseconds.
 */
public record ShopEvent(String userId, Segment segment, Action action, long timestamp, double price, double amount) {
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The columns {@link #parse} cannot do without: a CSV header must have them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("user_id", "action", "timestamp");

    public static ShopEvent parse(Fields f) {
        Action action = Action.parse(f.text("action"));
        double amount = f.doubleOr("amount", Double.NaN);
        if (action == Action.PURCHASE && Double.isNaN(amount)) {
            throw new IllegalArgumentException("a purchase needs an amount");
        }
        return new ShopEvent(f.text("user_id"), Segment.parse(f.textOr("segment", null)), action,
            f.dateTime("timestamp", TIMESTAMP_PATTERN), f.doubleOr("price", Double.NaN), amount);
    }

    public boolean is(Action a) {
        return action == a;
    }
}
