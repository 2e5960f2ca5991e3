package dev.runnel.api.time;

import java.io.Serializable;

/** Creates one generator per source (or operator) instance, as Flink's supplier does. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator may use of the instance it runs in. */
    interface Context {
        /** The job's processing-time clock (a {@code ManualClock} in tests). */
        Clock clock();
    }
}
