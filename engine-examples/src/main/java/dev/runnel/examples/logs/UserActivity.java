package dev.runnel.examples.logs;

import java.time.Instant;
import java.util.Map;

/**
 * One user's activity in one tumbling window: lines per action, sessions seen, and the time covered
 * by those sessions (first to last line of each session within the window, summed).
 */
public record UserActivity(String userId, long windowStart, long windowEnd, long events, Map<String, Long> actions,
                           int sessions, long sessionSeconds) {
    @Override
    public String toString() {
        return userId + " [" + Instant.ofEpochMilli(windowStart) + "," + Instant.ofEpochMilli(windowEnd) + ") events=" + events
            + " actions=" + actions + " sessions=" + sessions + " sessionSeconds=" + sessionSeconds;
    }
}
