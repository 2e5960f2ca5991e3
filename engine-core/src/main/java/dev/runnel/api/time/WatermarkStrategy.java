package dev.runnel.api.time;

import dev.runnel.api.OutputTag;
import java.time.Duration;
import java.util.Objects;

/**
 * How a source assigns timestamps and generates watermarks. Immutable: each {@code with...} call
 * returns a new strategy.
 */
public final class WatermarkStrategy<T> {
    private final WatermarkGeneratorSupplier<T> generatorSupplier;
    private final TimestampAssigner<T> timestampAssigner;
    private final long idleTimeoutMillis;
    private final boolean emitsWatermarks;
    private final boolean perRecordEmission;
    private final FutureEventGuard<T> futureEventGuard;

    private WatermarkStrategy(WatermarkGeneratorSupplier<T> supplier, TimestampAssigner<T> assigner, long idleTimeoutMillis,
                              boolean emitsWatermarks, boolean perRecordEmission, FutureEventGuard<T> futureEventGuard) {
        this.generatorSupplier = supplier;
        this.timestampAssigner = assigner;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.emitsWatermarks = emitsWatermarks;
        this.perRecordEmission = perRecordEmission;
        this.futureEventGuard = futureEventGuard;
    }

    private static <T> WatermarkStrategy<T> of(WatermarkGeneratorSupplier<T> supplier, boolean emitsWatermarks) {
        return new WatermarkStrategy<>(supplier, null, -1, emitsWatermarks, false, null);
    }

    /** Timestamps only increase: the watermark is the largest timestamp seen minus one. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return of(() -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), true);
    }

    /**
     * Watermark {@code maxTimestamp - bound - 1}, emitted periodically (every
     * {@code autoWatermarkInterval} of processing time), or after every event with
     * {@link #withPerRecordEmission()}.
     */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative, got " + maxOutOfOrderness);
        }
        if (maxOutOfOrderness.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("maxOutOfOrderness is too large for event time in milliseconds, got " + maxOutOfOrderness);
        }
        return of(() -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness), true);
    }

    /** No generated watermarks: the source (e.g. a {@code ScriptedSource}) gives them, or only end of input does. */
    public static <T> WatermarkStrategy<T> noWatermarks() {
        return of(NoWatermarks::new, false);
    }

    public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        return of(Objects.requireNonNull(supplier, "supplier"), true);
    }

    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(generatorSupplier, Objects.requireNonNull(assigner, "assigner"), idleTimeoutMillis,
            emitsWatermarks, perRecordEmission, futureEventGuard);
    }

    /** Marks the input idle after {@code timeout} of processing time without events. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idleness timeout must be positive, got " + timeout);
        }
        if (timeout.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("idleness timeout is too large for milliseconds, got " + timeout);
        }
        return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, timeout.toMillis(), emitsWatermarks,
            perRecordEmission, futureEventGuard);
    }

    /**
     * Emits the generator's watermark after every event, not only every {@code autoWatermarkInterval}
     * of processing time. With periodic emission, which events are late depends on how many events
     * were read between two ticks of the wall clock, so two runs over the same file can differ; with
     * per-record emission the watermark sequence depends only on the input, and so does every result
     * computed from it. A watermark that does not move time forward is not sent, so the cost is one
     * watermark downstream per event that raises the largest timestamp. Periodic emission keeps
     * running as well (idleness detection needs it); for the built-in generators it sends nothing new.
     */
    public WatermarkStrategy<T> withPerRecordEmission() {
        return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, idleTimeoutMillis, emitsWatermarks, true,
            futureEventGuard);
    }

    /**
     * Sends events dated too far in the future to a side output instead of letting them move event
     * time: see {@link FutureEventGuard}. Read them with {@code getSideOutput(guard.tag())} on the stream
     * that {@code fromSource} or {@code assignTimestampsAndWatermarks} returned.
     */
    public WatermarkStrategy<T> withFutureEventGuard(FutureEventGuard<T> guard) {
        return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, idleTimeoutMillis, emitsWatermarks,
            perRecordEmission, Objects.requireNonNull(guard, "guard"));
    }

    /**
     * Sends events more than {@code maxAhead} after the largest timestamp accepted so far to
     * {@code futureEvents}; short for {@code withFutureEventGuard(FutureEventGuard.aheadOfEventTime(maxAhead, futureEvents))}.
     */
    public WatermarkStrategy<T> withFutureEventGuard(Duration maxAhead, OutputTag<T> futureEvents) {
        return withFutureEventGuard(FutureEventGuard.aheadOfEventTime(maxAhead, futureEvents));
    }

    /** The assigner, or {@code null} to keep the timestamp the source gave. */
    public TimestampAssigner<T> timestampAssigner() {
        return timestampAssigner;
    }

    /** The guard against far-future events, or {@code null} if there is none. */
    public FutureEventGuard<T> futureEventGuard() {
        return futureEventGuard;
    }

    public WatermarkGenerator<T> createGenerator(Clock clock) {
        WatermarkGenerator<T> generator = generatorSupplier.createWatermarkGenerator();
        if (perRecordEmission) {
            generator = new PerRecordEmission<>(generator);
        }
        return idleTimeoutMillis > 0 ? new WatermarksWithIdleness<>(generator, idleTimeoutMillis, clock) : generator;
    }

    /** False for {@link #noWatermarks()}: the runtime then skips periodic emission altogether. */
    public boolean emitsWatermarks() {
        return emitsWatermarks || idleTimeoutMillis > 0;
    }

    private static final class NoWatermarks<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
