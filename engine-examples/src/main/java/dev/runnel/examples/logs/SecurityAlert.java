package dev.runnel.examples.logs;

import java.time.Instant;

/** A security finding about one user, at the event time of the log line that triggered it. */
public record SecurityAlert(String userId, Type type, String message, long timestamp) {
    public enum Type { FAILED_LOGINS, LONG_INACTIVITY }

    @Override
    public String toString() {
        return type + " user=" + userId + " at " + Instant.ofEpochMilli(timestamp) + ": " + message;
    }
}
