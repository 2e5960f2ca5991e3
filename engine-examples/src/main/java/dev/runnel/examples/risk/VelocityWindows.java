package dev.runnel.examples.risk;

import java.util.EnumMap;
import java.util.Map;
import org.agrona.collections.LongArrayList;

/**
 * The event times of a user's recent transactions, per type, for the velocity rule. Times older
 * than the longest window are dropped by {@link #expireUpTo} when an event-time timer fires, so
 * the counts follow event time and the state stays as small as the last hour (the original recipe
 * kept counters that only grew).
 */
final class VelocityWindows {
    static final long MINUTE = 60_000;
    /** 5 min, 15 min, 1 h. */
    static final long[] SPANS_MILLIS = {5 * MINUTE, 15 * MINUTE, 60 * MINUTE};
    static final long LONGEST = SPANS_MILLIS[SPANS_MILLIS.length - 1];

    private final Map<TransactionType, LongArrayList> times = new EnumMap<>(TransactionType.class);

    void add(TransactionType type, long timestamp) {
        times.computeIfAbsent(type, t -> new LongArrayList()).addLong(timestamp);
    }

    /** Transactions of {@code type} with times in {@code (now - span, now]}. */
    int count(TransactionType type, long now, long span) {
        LongArrayList list = times.get(type);
        if (list == null) {
            return 0;
        }
        int count = 0;
        for (int i = 0, n = list.size(); i < n; i++) {
            long t = list.getLong(i);
            if (t > now - span && t <= now) {
                count++;
            }
        }
        return count;
    }

    /** Drops every time at or before {@code cutoff}; they can no longer fall in any window. */
    void expireUpTo(long cutoff) {
        for (LongArrayList list : times.values()) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.getLong(i) <= cutoff) {
                    list.fastUnorderedRemove(i);
                }
            }
        }
        times.values().removeIf(LongArrayList::isEmpty);
    }

    /** The minute-aligned time at which {@code timestamp} has left the longest window; one timer per minute per user. */
    static long expiryTimer(long timestamp) {
        return Math.floorDiv(timestamp + LONGEST, MINUTE) * MINUTE + MINUTE;
    }
}
