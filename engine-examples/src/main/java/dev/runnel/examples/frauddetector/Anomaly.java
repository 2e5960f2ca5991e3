package dev.runnel.examples.frauddetector;

import dev.runnel.examples.common.Times;
import java.time.ZoneId;

/**
 * A window whose sum crossed the threshold, with the watermark the detector had seen when it
 * judged it: how far event time had got, not the wall clock.
 */
public record Anomaly(String transactionId, long windowStart, long windowEnd, double sum, long watermark) {

    /** {@code tx1 window=[10:00:00,10:00:10) sum=11700.0 watermark=2024-05-11 10:00:08.999}. */
    public String describe(ZoneId zone) {
        return transactionId + " window=[" + Times.time(windowStart, zone) + "," + Times.time(windowEnd, zone) + ") sum=" + sum
            + " watermark=" + Times.dateTime(watermark, zone);
    }

    @Override
    public String toString() {
        return describe(ZoneId.of("UTC"));
    }
}
