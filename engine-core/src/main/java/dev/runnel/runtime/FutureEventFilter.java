package dev.runnel.runtime;

import dev.runnel.api.OutputTag;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.FutureEventGuard;
import dev.runnel.api.time.WatermarkStrategy;

/**
 * The per-instance state of a {@link FutureEventGuard}: the largest timestamp accepted, and from it
 * the largest timestamp still accepted, so that the check per record is one comparison (and one clock
 * read when a processing-time bound is set). Used by the source driver and by the
 * timestamps-and-watermarks operator alike.
 */
public final class FutureEventFilter<T> {
    private final OutputTag<T> tag;
    private final long maxAheadOfEventTime;
    private final long maxAheadOfProcessingTime;
    private final Clock clock;
    private long latestAccepted = Long.MIN_VALUE;
    private long acceptUpTo = Long.MAX_VALUE; // nothing to measure the first event against

    private FutureEventFilter(FutureEventGuard<T> guard, Clock clock) {
        this.tag = guard.tag();
        this.maxAheadOfEventTime = guard.maxAheadOfEventTimeMillis();
        this.maxAheadOfProcessingTime = guard.maxAheadOfProcessingTimeMillis();
        this.clock = clock;
    }

    /** The filter for {@code strategy}'s guard, or {@code null} if it has none. */
    public static <T> FutureEventFilter<T> of(WatermarkStrategy<T> strategy, Clock clock) {
        FutureEventGuard<T> guard = strategy.futureEventGuard();
        return guard == null ? null : new FutureEventFilter<>(guard, clock);
    }

    public OutputTag<T> tag() {
        return tag;
    }

    /** True if an event with {@code timestamp} is too far ahead; otherwise it counts as accepted. */
    public boolean tooFarAhead(long timestamp) {
        if (timestamp == Output.NO_TIMESTAMP) {
            return false;
        }
        if (timestamp > acceptUpTo) {
            return true;
        }
        if (maxAheadOfProcessingTime != FutureEventGuard.NO_BOUND
                && timestamp > saturatedAdd(clock.millis(), maxAheadOfProcessingTime)) {
            return true;
        }
        if (maxAheadOfEventTime != FutureEventGuard.NO_BOUND && timestamp > latestAccepted) {
            latestAccepted = timestamp;
            acceptUpTo = saturatedAdd(timestamp, maxAheadOfEventTime);
        }
        return false;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
