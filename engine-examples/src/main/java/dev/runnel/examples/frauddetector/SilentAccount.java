package dev.runnel.examples.frauddetector;

import dev.runnel.examples.common.Times;
import java.time.Duration;
import java.time.ZoneId;

/** An account with no transaction for {@code silentFor} of event time after {@code lastSeen}. */
public record SilentAccount(String transactionId, long lastSeen, Duration silentFor) {
    public String describe(ZoneId zone) {
        return transactionId + " silent for " + silentFor.toMinutes() + " min since " + Times.dateTime(lastSeen, zone);
    }

    @Override
    public String toString() {
        return describe(ZoneId.of("UTC"));
    }
}
