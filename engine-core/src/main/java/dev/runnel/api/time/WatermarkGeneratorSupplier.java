package dev.runnel.api.time;

/** Creates one generator per source instance. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> {
    WatermarkGenerator<T> createWatermarkGenerator();
}
