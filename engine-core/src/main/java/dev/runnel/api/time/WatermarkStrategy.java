package dev.runnel.api.time;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a source assigns timestamps and generates watermarks. Immutable: each {@code with...} call
 * returns a new strategy.
 */
public final class WatermarkStrategy<T> {
    private static final WatermarkGeneratorSupplier.Context NO_CONTEXT = new WatermarkGeneratorSupplier.Context() {};

    private final WatermarkGeneratorSupplier<T> generatorSupplier;
    private final TimestampAssigner<T> timestampAssigner;
    private final long idleTimeoutMillis;
    private final boolean emitsWatermarks;

    private WatermarkStrategy(WatermarkGeneratorSupplier<T> supplier, TimestampAssigner<T> assigner,
                              long idleTimeoutMillis, boolean emitsWatermarks) {
        this.generatorSupplier = supplier;
        this.timestampAssigner = assigner;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.emitsWatermarks = emitsWatermarks;
    }

    /** Timestamps only increase: the watermark is the largest timestamp seen minus one. */
    public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return new WatermarkStrategy<>(ctx -> new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO), null, -1, true);
    }

    /** Watermark {@code maxTimestamp - bound - 1}, emitted periodically. */
    public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative, got " + maxOutOfOrderness);
        }
        return new WatermarkStrategy<>(ctx -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness), null, -1, true);
    }

    /** No generated watermarks: the source (e.g. a {@code ScriptedSource}) gives them, or only end of input does. */
    public static <T> WatermarkStrategy<T> noWatermarks() {
        return new WatermarkStrategy<>(ctx -> new NoWatermarks<>(), null, -1, false);
    }

    /** Watermarks from the generator {@code supplier} creates, as in Flink: {@code forGenerator(ctx -> new MyGenerator())}. */
    public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        return new WatermarkStrategy<>(Objects.requireNonNull(supplier, "supplier"), null, -1, true);
    }

    /** As {@link #forGenerator(WatermarkGeneratorSupplier)} for a supplier that needs no context: {@code forGenerator(MyGenerator::new)}. */
    public static <T> WatermarkStrategy<T> forGenerator(Supplier<? extends WatermarkGenerator<T>> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return new WatermarkStrategy<>(ctx -> supplier.get(), null, -1, true);
    }

    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(generatorSupplier, Objects.requireNonNull(assigner, "assigner"), idleTimeoutMillis, emitsWatermarks);
    }

    /** Marks the input idle after {@code timeout} of processing time without events. */
    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("idleness timeout must be positive, got " + timeout);
        }
        return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, timeout.toMillis(), emitsWatermarks);
    }

    /** The assigner, or {@code null} to keep the timestamp the source gave. */
    public TimestampAssigner<T> timestampAssigner() {
        return timestampAssigner;
    }

    public WatermarkGenerator<T> createGenerator(Clock clock) {
        WatermarkGenerator<T> generator = generatorSupplier.createWatermarkGenerator(NO_CONTEXT);
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
