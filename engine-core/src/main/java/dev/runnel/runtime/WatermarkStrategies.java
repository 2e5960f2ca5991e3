package dev.runnel.runtime;

import dev.runnel.api.time.Clock;
import dev.runnel.api.time.RecordTimestampAssigner;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkStrategy;

/** How the runtime instantiates a {@link WatermarkStrategy} for one source or operator instance. */
public final class WatermarkStrategies {
    private WatermarkStrategies() {}

    /** The strategy's assigner, or {@code null} when records keep their source timestamp (no call per record). */
    public static <T> TimestampAssigner<T> assigner(WatermarkStrategy<T> strategy) {
        TimestampAssigner<T> assigner = strategy.createTimestampAssigner(new TimestampAssignerContext());
        return assigner instanceof RecordTimestampAssigner<T> ? null : assigner;
    }

    public static <T> WatermarkGenerator<T> generator(WatermarkStrategy<T> strategy, Clock clock) {
        return strategy.createWatermarkGenerator(() -> clock);
    }

    private static final class TimestampAssignerContext implements dev.runnel.api.time.TimestampAssignerSupplier.Context {}
}
