package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatermarkTest {

    /** Reports, for each record, the watermark the operator had seen before it. */
    static final class WatermarkProbe extends ProcessFunction<String, String> {
        @Override
        public void processElement(String v, Context ctx, Collector<String> out) {
            long wm = ctx.timerService().currentWatermark();
            out.collect(v + " wm=" + (wm == Long.MIN_VALUE ? "none" : Long.toString(wm)));
        }
    }

    @Test
    void boundedOutOfOrdernessEmitsMaxMinusBoundMinusOneEveryInterval() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock());
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .event("a", 1_000).event("b", 3_000).event("c", 2_000)
            .advanceProcessingTimeTo(100)      // less than the 200 ms interval: no watermark yet
            .event("d", 1_500)
            .advanceProcessingTimeTo(200)      // periodic emit: 3000 - 500 - 1
            .event("e", 2_600)
            .advanceProcessingTimeTo(400)      // max is still 3000: no new watermark
            .event("f", 10_000)
            .advanceProcessingTimeTo(600)
            .event("g", 0);
        List<String> out = env.fromSource(script, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(500)), "s")
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=none", "b wm=none", "c wm=none", "d wm=none",
            "e wm=2499", "f wm=2499", "g wm=9499");
    }

    @Test
    void monotonousTimestampsEmitMaxMinusOne() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock());
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .event("a", 1_000).advanceProcessingTimeTo(200).event("b", 2_000);
        List<String> out = env.fromSource(script, WatermarkStrategy.forMonotonousTimestamps(), "s")
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=none", "b wm=999");
    }

    @Test
    void watermarksNeverGoBackwards() {
        StreamEnvironment env = StreamEnvironment.create();
        ScriptedSource<String> script = ScriptedSource.<String>create()
            .watermark(100).event("a", 150).watermark(50).event("b", 160);
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=100", "b wm=100");
    }

    @Test
    void unionWatermarkIsHeldBackByTheSlowerInput() {
        StreamEnvironment env = StreamEnvironment.create();
        // bounded sources are polled in turn, 256 steps at a time: "fast" runs first, while "slow" has no watermark yet
        DataStream<String> fast = env.fromSource(ScriptedSource.<String>create()
            .watermark(1_000).event("fast", 1_000), WatermarkStrategy.noWatermarks(), "fast");
        DataStream<String> slow = env.fromSource(ScriptedSource.<String>create()
            .watermark(10).event("slow-1", 20).watermark(20).event("slow-2", 30), WatermarkStrategy.noWatermarks(), "slow");
        List<String> out = fast.union(slow).process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("fast wm=none", "slow-1 wm=10", "slow-2 wm=20");
    }

    @Test
    void assignTimestampsAndWatermarksMidStreamReplacesUpstreamWatermarks() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock());
        ScriptedSource<Long> script = ScriptedSource.<Long>create()
            .event(5_000L, 1).watermark(100_000).advanceProcessingTimeTo(200).event(6_000L, 2);
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v))
            .map(String::valueOf)
            .process(new WatermarkProbe())
            .executeAndCollect();
        assertThat(out).containsExactly("5000 wm=none", "6000 wm=4999");
    }
}
