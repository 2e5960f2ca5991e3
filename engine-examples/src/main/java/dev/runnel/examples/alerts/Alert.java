package dev.runnel.examples.alerts;

import dev.runnel.examples.io.Fields;
import java.time.Instant;

/** An alert to route: which rule raised it, how bad it is, what it says, and its event time (epoch ms). */
public record Alert(String rule, Severity severity, String message, long timestamp) {
    public static final String TIMESTAMP_PATTERN = "yyyy-MM-dd HH:mm:ss";
    /** The columns {@link #parse} cannot do without: a CSV header must have them. */
    public static final java.util.List<String> COLUMNS = java.util.List.of("rule", "severity", "timestamp");

    /** Columns {@code rule,severity,message,timestamp}. */
    public static Alert parse(Fields f) {
        return new Alert(f.text("rule"), Severity.parse(f.text("severity")), f.textOr("message", ""),
            f.dateTime("timestamp", TIMESTAMP_PATTERN));
    }

    /** Repeats are recognized by rule and severity. */
    public String repeatKey() {
        return rule + "/" + severity;
    }

    @Override
    public String toString() {
        return severity + " " + rule + " at " + Instant.ofEpochMilli(timestamp) + ": " + message;
    }
}
