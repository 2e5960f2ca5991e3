package dev.runnel.api.time;

import dev.runnel.api.functions.AssignerWithPeriodicWatermarks;
import dev.runnel.api.functions.AssignerWithPunctuatedWatermarks;

/** Flink's deprecated assigners as watermark strategies, as Flink's own adapters do. */
@SuppressWarnings("deprecation")
public final class LegacyAssignerStrategies {
    private LegacyAssignerStrategies() {}

    public static <T> WatermarkStrategy<T> periodic(AssignerWithPeriodicWatermarks<T> assigner) {
        return new WatermarkStrategy<>() {
            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarkGenerator<>() {
                    @Override
                    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {
                        Watermark w = assigner.getCurrentWatermark();
                        if (w != null) {
                            output.emitWatermark(w);
                        }
                    }
                };
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return assigner;
            }
        };
    }

    public static <T> WatermarkStrategy<T> punctuated(AssignerWithPunctuatedWatermarks<T> assigner) {
        return new WatermarkStrategy<>() {
            @Override
            public WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
                return new WatermarkGenerator<>() {
                    @Override
                    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
                        Watermark w = assigner.checkAndGetNextWatermark(event, eventTimestamp);
                        if (w != null) {
                            output.emitWatermark(w);
                        }
                    }

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {}
                };
            }

            @Override
            public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
                return assigner;
            }
        };
    }
}
