package dev.runnel.examples.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Readable event times and watermarks in the examples' output. */
public final class Times {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Times() {}

    /** {@code 2024-05-11 10:00:08.999}; {@code none} before the first watermark, {@code end} after the input. */
    public static String dateTime(long millis, ZoneId zone) {
        if (millis == Long.MIN_VALUE) {
            return "none";
        }
        if (millis == Long.MAX_VALUE) {
            return "end";
        }
        return DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** {@code 10:00:00}, for window bounds. */
    public static String time(long millis, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
