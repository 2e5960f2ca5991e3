package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.WatermarkTest.WatermarkProbe;
import dev.runnel.api.functions.AssignerWithPunctuatedWatermarks;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.TimestampAssignerSupplier;
import dev.runnel.api.time.Watermark;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkGeneratorSupplier;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Watermark code written for Flink: a user's own strategy, ctx lambdas, deprecated assigners, interval 0. */
class FlinkWatermarkIdiomsTest {

    /** Timestamps from the value ("name@ts"), watermark = the timestamp of every "mark" element. */
    static final class MarkerStrategy implements WatermarkStrategy<String> {
        @Override
        public WatermarkGenerator<String> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context) {
            return new WatermarkGenerator<>() {
                @Override
                public void onEvent(String event, long eventTimestamp, WatermarkOutput output) {
                    if (event.startsWith("mark")) {
                        output.emitWatermark(new Watermark(eventTimestamp));
                    }
                }

                @Override
                public void onPeriodicEmit(WatermarkOutput output) {}
            };
        }

        @Override
        public TimestampAssigner<String> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
            return (event, recordTimestamp) -> Long.parseLong(event.substring(event.indexOf('@') + 1));
        }
    }

    @Test
    void aUsersOwnStrategyAssignsTimestampsAndWatermarks() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromData("a@5", "mark@7", "b@9", "mark@12", "c@13")
            .assignTimestampsAndWatermarks(new MarkerStrategy())
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a@5 wm=none", "mark@7 wm=none", "b@9 wm=7", "mark@12 wm=7", "c@13 wm=12");
    }

    @SuppressWarnings("deprecation")
    @Test
    void deprecatedPunctuatedAssignerStillWorks() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromData("a@5", "mark@7", "b@9")
            .assignTimestampsAndWatermarks(new AssignerWithPunctuatedWatermarks<String>() {
                @Override
                public long extractTimestamp(String element, long recordTimestamp) {
                    return Long.parseLong(element.substring(element.indexOf('@') + 1));
                }

                @Override
                public Watermark checkAndGetNextWatermark(String lastElement, long extractedTimestamp) {
                    return lastElement.startsWith("mark") ? new Watermark(extractedTimestamp) : null;
                }
            })
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a@5 wm=none", "mark@7 wm=none", "b@9 wm=7");
    }

    @Test
    void forGeneratorTakesFlinksContextLambda() {
        StreamEnvironment env = StreamEnvironment.create();
        WatermarkStrategy<String> strategy = WatermarkStrategy.<String>forGenerator(ctx -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(String event, long eventTimestamp, WatermarkOutput output) {
                output.emitWatermark(eventTimestamp - 1);
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {}
        }).withTimestampAssigner((event, ts) -> Long.parseLong(event.substring(event.indexOf('@') + 1)));
        List<String> out = env.fromData("a@5", "b@10").assignTimestampsAndWatermarks(strategy)
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a@5 wm=none", "b@10 wm=4");
        assertThat(new Watermark(42).getTimestamp()).isEqualTo(42);
    }

    @Test
    void autoWatermarkIntervalZeroDisablesPeriodicEmission() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock()).setAutoWatermarkInterval(Duration.ZERO);
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .event("a", 1_000).advanceProcessingTimeTo(1_000).event("b", 3_000).advanceProcessingTimeTo(2_000).event("c", 4_000);
        List<String> out = env.fromSource(script, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ZERO), "s")
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=none", "b wm=none", "c wm=none");
    }
}
