package dev.runnel.examples.frauddetector;

import dev.runnel.examples.common.Times;
import java.time.ZoneId;
import java.util.Locale;

/** A single amount far above what the account usually pays: {@code amount > mean + k * stdDev}. */
public record Outlier(String transactionId, long timestamp, double amount, double mean, double stdDev) {
    public String describe(ZoneId zone) {
        return String.format(Locale.ROOT, "%s at %s amount=%.2f mean=%.2f stddev=%.2f", transactionId,
            Times.dateTime(timestamp, zone), amount, mean, stdDev);
    }

    @Override
    public String toString() {
        return describe(ZoneId.of("UTC"));
    }
}
