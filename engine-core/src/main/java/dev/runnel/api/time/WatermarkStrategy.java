package dev.runnel.api.time;

import dev.runnel.api.OutputTag;
import java.time.Duration;
import java.util.Objects;

/**
 * How a source (or {@code assignTimestampsAndWatermarks}) assigns timestamps and generates
 * watermarks. As in Flink it is an interface a user may implement ({@link #createWatermarkGenerator},
 * optionally {@link #createTimestampAssigner}); the built-in strategies come from the static
 * factories, and each {@code with...} call returns a new strategy wrapping this one.
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** By default records keep the timestamp their source gave them. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return RecordTimestampAssigner.instance();
    }

    /**
     * Runnel's runtime hook: false when the strategy never emits on its own ({@link #noWatermarks()}),
     * so the runtime skips periodic emission. A user's strategy keeps the default.
     */
    default boolean emitsWatermarks() {
        return true;
    }

    /** Runnel's runtime hook: the guard against far-future events, {@code null} if there is none. */
    default FutureEventGuard<T> futureEventGuard() {
        return null;
    }

    // ---- the built-in strategies

    /** Timestamps only increase: the watermark is the largest timestamp seen minus one. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return forGenerator(ctx -> new AscendingTimestampsWatermarks<>());
    }

    /**
     * Watermark {@code maxTimestamp - bound - 1}, emitted periodically (every
     * {@code autoWatermarkInterval} of processing time), or after every event with
     * {@link #withPerRecordEmission()}.
     */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative, got " + maxOutOfOrderness);
        }
        if (maxOutOfOrderness.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("maxOutOfOrderness is too large for event time in milliseconds, got " + maxOutOfOrderness);
        }
        return forGenerator(ctx -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness));
    }

    /** No generated watermarks: the source (e.g. a {@code ScriptedSource}) gives them, or only end of input does. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return new NoWatermarksStrategy<>();
    }

    /** A strategy around the user's generator, e.g. {@code forGenerator(ctx -> new MyPunctuatedGenerator())}. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return supplier::createWatermarkGenerator;
    }

    // ---- decorations

    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        Objects.requireNonNull(assigner, "assigner");
        return new DecoratedWatermarkStrategy.WithTimestampAssigner<>(this, ctx -> assigner);
    }

    /**
     * Flink's signature: a lambda becomes a {@link SerializableTimestampAssigner} (the more specific
     * overload), so the strategy can travel with the job to another process (a Flink cluster).
     */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
        return withTimestampAssigner((TimestampAssigner<T>) assigner);
    }

    /** Flink's overload taking a supplier, e.g. {@code withTimestampAssigner(ctx -> new MyAssigner())}. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        return new DecoratedWatermarkStrategy.WithTimestampAssigner<>(this, Objects.requireNonNull(supplier, "supplier"));
    }

    /** Marks the input idle after {@code timeout} of processing time without events. */
    default WatermarkStrategy<T> withIdleness(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idleness timeout must be positive, got " + timeout);
        }
        if (timeout.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("idleness timeout is too large for milliseconds, got " + timeout);
        }
        return new DecoratedWatermarkStrategy.WithIdleness<>(this, timeout.toMillis());
    }

    /**
     * Emits the generator's watermark after every event, not only every {@code autoWatermarkInterval}
     * of processing time (not in Flink). With periodic emission, which events are late depends on how
     * many events were read between two ticks of the wall clock, so two runs over the same file can
     * differ; with per-record emission the watermark sequence depends only on the input, and so does
     * every result computed from it. A watermark that does not move time forward is not sent, so the
     * cost is one watermark downstream per event that raises the largest timestamp. Periodic emission
     * keeps running as well (idleness detection needs it); for the built-in generators it sends
     * nothing new.
     */
    default WatermarkStrategy<T> withPerRecordEmission() {
        return new DecoratedWatermarkStrategy.WithPerRecordEmission<>(this);
    }

    /**
     * Sends events dated too far in the future to a side output instead of letting them move event
     * time: see {@link FutureEventGuard}. Read them with {@code getSideOutput(guard.tag())} on the stream
     * that {@code fromSource} or {@code assignTimestampsAndWatermarks} returned.
     */
    default WatermarkStrategy<T> withFutureEventGuard(FutureEventGuard<T> guard) {
        return new DecoratedWatermarkStrategy.WithFutureEventGuard<>(this, Objects.requireNonNull(guard, "guard"));
    }

    /**
     * Sends events more than {@code maxAhead} after the largest timestamp accepted so far to
     * {@code futureEvents}; short for {@code withFutureEventGuard(FutureEventGuard.aheadOfEventTime(maxAhead, futureEvents))}.
     */
    default WatermarkStrategy<T> withFutureEventGuard(Duration maxAhead, OutputTag<T> futureEvents) {
        return withFutureEventGuard(FutureEventGuard.aheadOfEventTime(maxAhead, futureEvents));
    }
}
