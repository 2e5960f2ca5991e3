package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.WatermarkTest.WatermarkProbe;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.TimeWindow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generator sees an event after the event has been forwarded (Flink's order), so a punctuated
 * watermark never overtakes the event that caused it — in the source and mid-stream alike.
 */
class WatermarkOrderTest {

    /** Emits {@code ts - 1} from every event: the tightest punctuated watermark there is. */
    static final class PunctuatedMinusOne<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(eventTimestamp - 1);
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }


    @Test
    void punctuatedWatermarkFromTheSourceFollowsItsEvent() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<String>create().event("a", 5).event("b", 10),
                WatermarkStrategy.<String>forGenerator(ctx -> new PunctuatedMinusOne<>()), "s")
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=none", "b wm=4");
    }

    @Test
    void punctuatedWatermarkMidStreamFollowsItsEvent() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<String>create().event("a", 5).event("b", 10),
                WatermarkStrategy.noWatermarks(), "s")
            .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forGenerator(ctx -> new PunctuatedMinusOne<>()))
            .process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=none", "b wm=4");
    }

    static final class Bounds extends ProcessWindowFunction<String, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<String> elements, Collector<String> out) {
            out.collect("[" + ctx.window().getStart() + "," + ctx.window().getEnd() + ") " + String.join("", elements));
        }
    }

    @Test
    void sessionIsNotSplitByTheWatermarkOfItsOwnEvent() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<String>create().event("a", 0).event("b", 5),
                WatermarkStrategy.<String>forGenerator(ctx -> new PunctuatedMinusOne<>()), "s")
            .keyBy(v -> "k")
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(5)))
            .process(new Bounds()).executeAndCollect();
        assertThat(out).containsExactly("[0,10) ab");
    }

    @Test
    void sessionIsNotSplitWhenTimestampsAreAssignedMidStream() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<String>create().event("a", 0).event("b", 5),
                WatermarkStrategy.noWatermarks(), "s")
            .assignTimestampsAndWatermarks(WatermarkStrategy.<String>forGenerator(ctx -> new PunctuatedMinusOne<>()))
            .keyBy(v -> "k")
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(5)))
            .process(new Bounds()).executeAndCollect();
        assertThat(out).containsExactly("[0,10) ab");
    }
}
