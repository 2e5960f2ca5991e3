package dev.runnel.api.time;

/**
 * A strategy that changes one aspect of another ({@code with...} calls), delegating the rest, as
 * Flink's {@code WatermarkStrategyWithTimestampAssigner} and {@code WatermarkStrategyWithIdleness} do.
 */
abstract class DecoratedWatermarkStrategy<T> implements WatermarkStrategy<T> {
    private static final long serialVersionUID = 1L;
    protected final WatermarkStrategy<T> inner;

    DecoratedWatermarkStrategy(WatermarkStrategy<T> inner) {
        this.inner = inner;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        return inner.createWatermarkGenerator(context);
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return inner.createTimestampAssigner(context);
    }

    @Override
    public boolean emitsWatermarks() {
        return inner.emitsWatermarks();
    }

    @Override
    public FutureEventGuard<T> futureEventGuard() {
        return inner.futureEventGuard();
    }

    static final class WithTimestampAssigner<T> extends DecoratedWatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final TimestampAssignerSupplier<T> assigner;

        WithTimestampAssigner(WatermarkStrategy<T> inner, TimestampAssignerSupplier<T> assigner) {
            super(inner);
            this.assigner = assigner;
        }

        @Override
        public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return assigner.createTimestampAssigner(context);
        }
    }

    static final class WithIdleness<T> extends DecoratedWatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final long idleTimeoutMillis;

        WithIdleness(WatermarkStrategy<T> inner, long idleTimeoutMillis) {
            super(inner);
            this.idleTimeoutMillis = idleTimeoutMillis;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new WatermarksWithIdleness<>(inner.createWatermarkGenerator(context), idleTimeoutMillis, context.clock());
        }

        /** Idleness is detected on periodic calls, so they run even when the inner strategy emits nothing. */
        @Override
        public boolean emitsWatermarks() {
            return true;
        }
    }

    static final class WithPerRecordEmission<T> extends DecoratedWatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;

        WithPerRecordEmission(WatermarkStrategy<T> inner) {
            super(inner);
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new PerRecordEmission<>(inner.createWatermarkGenerator(context));
        }
    }

    static final class WithFutureEventGuard<T> extends DecoratedWatermarkStrategy<T> {
        private static final long serialVersionUID = 1L;
        private final FutureEventGuard<T> guard;

        WithFutureEventGuard(WatermarkStrategy<T> inner, FutureEventGuard<T> guard) {
            super(inner);
            this.guard = guard;
        }

        @Override
        public FutureEventGuard<T> futureEventGuard() {
            return guard;
        }
    }
}
