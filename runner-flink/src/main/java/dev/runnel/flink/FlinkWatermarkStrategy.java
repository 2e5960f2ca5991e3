package dev.runnel.flink;

import dev.runnel.api.time.Clock;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkStrategy;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * A Runnel {@link WatermarkStrategy} as Flink's, for {@code assignTimestampsAndWatermarks} in
 * mid-stream: Runnel's generator (with per-record emission and idleness as the strategy builds it)
 * runs inside Flink's timestamps-and-watermarks operator, which, as Runnel's, drops upstream
 * watermarks except the final one. Also the strategy of Runnel's Kafka source on Flink's
 * ({@link KafkaTranslation}), where Flink runs one generator per partition: there a dead letter
 * or a future event travels in the main stream as a {@link SideRecord}: as on Runnel, neither the
 * timestamp assigner nor the generator sees it, and it keeps the timestamp it has on Runnel.
 */
final class FlinkWatermarkStrategy implements org.apache.flink.api.common.eventtime.WatermarkStrategy<Object> {
    private static final long serialVersionUID = 1L;
    private final Shipped<WatermarkStrategy<Object>> strategy;

    FlinkWatermarkStrategy(Shipped<WatermarkStrategy<Object>> strategy) {
        this.strategy = strategy;
    }

    @Override
    public org.apache.flink.api.common.eventtime.TimestampAssigner<Object> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        TimestampAssigner<Object> assigner = dev.runnel.runtime.WatermarkStrategies.assigner(strategy.get());
        return assigner == null ? (element, recordTimestamp) -> element instanceof SideRecord side ? sideTimestamp(side, recordTimestamp) : recordTimestamp
            : (element, recordTimestamp) -> element instanceof SideRecord side ? sideTimestamp(side, recordTimestamp)
                : assigner.extractTimestamp(element, recordTimestamp);
    }

    @Override
    public WatermarkGenerator<Object> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
        dev.runnel.api.time.WatermarkGenerator<Object> runnel = dev.runnel.runtime.WatermarkStrategies.generator(strategy.get(), Clock.SYSTEM);
        return new WatermarkGenerator<>() {
            @Override
            public void onEvent(Object event, long eventTimestamp, WatermarkOutput output) {
                if (event instanceof SideRecord) {
                    return;
                }
                runnel.onEvent(event, eventTimestamp, adapt(output));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                runnel.onPeriodicEmit(adapt(output));
            }
        };
    }

    private static long sideTimestamp(SideRecord side, long recordTimestamp) {
        return side.timestamp() != null ? side.timestamp() : recordTimestamp;
    }

    private static dev.runnel.api.time.WatermarkOutput adapt(WatermarkOutput flink) {
        return new dev.runnel.api.time.WatermarkOutput() {
            @Override
            public void emitWatermark(long timestamp) {
                flink.emitWatermark(new Watermark(timestamp));
            }

            @Override
            public void markIdle() {
                flink.markIdle();
            }

            @Override
            public void markActive() {
                flink.markActive();
            }
        };
    }
}
