package dev.runnel.api.time;

/** Creates one generator per source instance, as Flink's: {@code WatermarkStrategy.forGenerator(ctx -> new MyGenerator())}. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends java.io.Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /**
     * What a supplier is given when it creates a generator. Flink's offers a metric group and an input
     * activity clock; Runnel's offers nothing yet, so a supplier that reads them does not compile.
     */
    interface Context {}
}
