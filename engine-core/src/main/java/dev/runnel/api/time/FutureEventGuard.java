package dev.runnel.api.time;

import dev.runnel.api.OutputTag;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps events dated too far in the future out of event time. One row stamped 2099, or a timestamp
 * in milliseconds where seconds were expected, would otherwise push the watermark decades ahead:
 * every later event would be late, and every event-time timer and window would fire at once.
 *
 * <p>An event is <em>too far ahead</em> when its timestamp is more than a bound after
 * <ul>
 *   <li>the largest timestamp accepted so far by this source (or {@code assignTimestampsAndWatermarks}
 *       operator) instance — what a bounded-out-of-orderness generator measures its watermark from.
 *       It is not the watermark itself: with periodic emission the watermark lags by up to one
 *       interval of wall-clock time, so a guard measured from it would depend on reading speed.
 *       The first event has nothing to be measured against and is accepted; and/or</li>
 *   <li>the job clock's processing time (wall-clock time), which also catches a bad first event but
 *       only suits inputs whose event time is not ahead of the clock (live data, replays of the past).</li>
 * </ul>
 * Such an event goes to the guard's side output ({@code getSideOutput(tag)} on the stream the
 * strategy applies to), is counted in the operator's {@code futureEvents} metric, and neither
 * reaches the watermark generator nor flows downstream, so it does not move event time. Records
 * without a timestamp are never judged. Like the watermark generator, the guard starts afresh after
 * a restore from a checkpoint. Serializable, so a strategy with a guard travels with the job to a
 * Flink cluster (runner-flink).
 *
 * <p>Choose the event-time bound larger than any real gap in the input's event time: after a gap
 * longer than the bound, every event is diverted until the input comes back within the bound.
 *
 * <pre>{@code
 * WatermarkStrategy.<Tx>forBoundedOutOfOrderness(Duration.ofSeconds(1))
 *     .withTimestampAssigner((tx, ts) -> tx.timestamp())
 *     .withFutureEventGuard(FutureEventGuard.aheadOfEventTime(Duration.ofDays(1), TOO_FAR_AHEAD)
 *         .orAheadOfProcessingTime(Duration.ofMinutes(5)))
 * }</pre>
 */
public final class FutureEventGuard<T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** A bound that is not set. */
    public static final long NO_BOUND = -1;

    private final OutputTag<T> tag;
    private final long maxAheadOfEventTimeMillis;
    private final long maxAheadOfProcessingTimeMillis;

    private FutureEventGuard(OutputTag<T> tag, long maxAheadOfEventTimeMillis, long maxAheadOfProcessingTimeMillis) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.maxAheadOfEventTimeMillis = maxAheadOfEventTimeMillis;
        this.maxAheadOfProcessingTimeMillis = maxAheadOfProcessingTimeMillis;
    }

    /** Diverts events more than {@code maxAhead} after the largest timestamp accepted so far to {@code tag}. */
    public static <T> FutureEventGuard<T> aheadOfEventTime(Duration maxAhead, OutputTag<T> tag) {
        return new FutureEventGuard<>(tag, bound("maxAhead", maxAhead), NO_BOUND);
    }

    /** Diverts events more than {@code maxAhead} after the job clock's current time to {@code tag}. */
    public static <T> FutureEventGuard<T> aheadOfProcessingTime(Duration maxAhead, OutputTag<T> tag) {
        return new FutureEventGuard<>(tag, NO_BOUND, bound("maxAhead", maxAhead));
    }

    /** This guard, also diverting events more than {@code maxAhead} after the job clock's current time. */
    public FutureEventGuard<T> orAheadOfProcessingTime(Duration maxAhead) {
        return new FutureEventGuard<>(tag, maxAheadOfEventTimeMillis, bound("maxAhead", maxAhead));
    }

    /** This guard, also diverting events more than {@code maxAhead} after the largest timestamp accepted so far. */
    public FutureEventGuard<T> orAheadOfEventTime(Duration maxAhead) {
        return new FutureEventGuard<>(tag, bound("maxAhead", maxAhead), maxAheadOfProcessingTimeMillis);
    }

    public OutputTag<T> tag() {
        return tag;
    }

    /** The event-time bound in milliseconds, or {@link #NO_BOUND}. */
    public long maxAheadOfEventTimeMillis() {
        return maxAheadOfEventTimeMillis;
    }

    /** The processing-time bound in milliseconds, or {@link #NO_BOUND}. */
    public long maxAheadOfProcessingTimeMillis() {
        return maxAheadOfProcessingTimeMillis;
    }

    private static long bound(String name, Duration maxAhead) {
        Objects.requireNonNull(maxAhead, name);
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException(name + " of a future-event guard must not be negative, got " + maxAhead);
        }
        return maxAhead.toMillis();
    }

    @Override
    public String toString() {
        return "FutureEventGuard(" + tag.getId()
            + (maxAheadOfEventTimeMillis == NO_BOUND ? "" : ", eventTime+" + maxAheadOfEventTimeMillis + "ms")
            + (maxAheadOfProcessingTimeMillis == NO_BOUND ? "" : ", processingTime+" + maxAheadOfProcessingTimeMillis + "ms") + ")";
    }
}
