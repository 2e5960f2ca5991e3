package dev.runnel.examples.risk;

import java.util.Locale;

/** Kinds of transaction, each with its velocity thresholds (transactions per 5 min / 15 min / 1 h). */
public enum TransactionType {
    DEPOSIT(10, 20, 50),
    WITHDRAWAL(5, 10, 20),
    TRANSFER(10, 20, 50),
    PAYMENT(20, 50, 100),
    INVESTMENT(10, 20, 50);

    private final int per5Minutes;
    private final int per15Minutes;
    private final int perHour;

    TransactionType(int per5Minutes, int per15Minutes, int perHour) {
        this.per5Minutes = per5Minutes;
        this.per15Minutes = per15Minutes;
        this.perHour = perHour;
    }

    /** The threshold for window {@code i} of {@link VelocityWindows#SPANS_MILLIS}. */
    int threshold(int window) {
        return switch (window) {
            case 0 -> per5Minutes;
            case 1 -> per15Minutes;
            default -> perHour;
        };
    }

    public static TransactionType parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown transaction type '" + text + "'; expected deposit, withdrawal, transfer, payment or investment");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
