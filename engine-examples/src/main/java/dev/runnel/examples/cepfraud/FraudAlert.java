package dev.runnel.examples.cepfraud;

import java.time.Instant;
import java.util.Locale;

/**
 * A fraud finding about one user: the rule that found it, the rule's risk (0 to 1), what it saw,
 * and the event time of the event that completed the finding.
 */
public record FraudAlert(String userId, Type type, double risk, String message, long timestamp) {
    /** The three rules of S3, each with its fixed risk. */
    public enum Type {
        RAPID_LOGIN_ATTEMPTS(0.8),
        GEOGRAPHICAL_IMPOSSIBILITY(0.95),
        SUSPICIOUS_TRANSACTION_PATTERN(0.9);

        private final double risk;

        Type(double risk) {
            this.risk = risk;
        }

        public double risk() {
            return risk;
        }

        /** The severity monitoring counts it under: CRITICAL from a risk of 0.9, HIGH below. */
        public dev.runnel.examples.alerts.Severity severity() {
            return risk >= 0.9 ? dev.runnel.examples.alerts.Severity.CRITICAL : dev.runnel.examples.alerts.Severity.HIGH;
        }
    }

    public static FraudAlert of(String userId, Type type, String message, long timestamp) {
        return new FraudAlert(userId, type, type.risk(), message, timestamp);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s user=%s risk=%.2f at %s: %s", type, userId, risk, Instant.ofEpochMilli(timestamp), message);
    }
}
