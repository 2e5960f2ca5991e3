package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedProcessTimersTest {

    record Ev(String key, int value) {}

    /** Registers an event-time timer at value (as a timestamp) and reports firings. */
    static final class TimerAt extends KeyedProcessFunction<String, Ev, String> {
        @Override
        public void processElement(Ev ev, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ev.value());
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + ts + " wm=" + ctx.timerService().currentWatermark() + " " + ctx.timeDomain());
        }
    }

    private static List<String> run(ScriptedSource<Ev> script, KeyedProcessFunction<String, Ev, String> f) {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock());
        return env.fromSource(script, WatermarkStrategy.noWatermarks(), "script").keyBy(Ev::key).process(f).executeAndCollect();
    }

    @Test
    void eventTimersFireInTimestampOrderAndOncePerKeyAndTime() {
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .event(new Ev("b", 30), 1)
            .event(new Ev("a", 20), 2)
            .event(new Ev("a", 20), 3)   // duplicate (a, 20): one timer
            .event(new Ev("a", 10), 4)
            .watermark(25)
            .event(new Ev("c", 5), 26)   // already behind the watermark: fires at the next advance
            .watermark(26)
            .watermark(40);
        assertThat(run(script, new TimerAt())).containsExactly(
            "a@10 wm=25 EVENT_TIME",
            "a@20 wm=25 EVENT_TIME",
            "c@5 wm=26 EVENT_TIME",
            "b@30 wm=40 EVENT_TIME");
    }

    @Test
    void timerRegisteredInOnTimerAtOrBeforeWatermarkFiresInSameAdvance() {
        KeyedProcessFunction<String, Ev, String> chain = new KeyedProcessFunction<>() {
            @Override
            public void processElement(Ev ev, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(ev.value());
            }

            @Override
            public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
                out.collect("fired " + ts);
                if (ts < 30) {
                    ctx.timerService().registerEventTimeTimer(ts + 10);
                }
            }
        };
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create().event(new Ev("k", 10), 0).watermark(25).watermark(100);
        assertThat(run(script, chain)).containsExactly("fired 10", "fired 20", "fired 30");
    }

    @Test
    void deletedTimerDoesNotFire() {
        KeyedProcessFunction<String, Ev, String> f = new KeyedProcessFunction<>() {
            @Override
            public void processElement(Ev ev, Context ctx, Collector<String> out) {
                if (ev.value() < 0) {
                    ctx.timerService().deleteEventTimeTimer(-ev.value());
                } else {
                    ctx.timerService().registerEventTimeTimer(ev.value());
                }
            }

            @Override
            public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
                out.collect(ctx.getCurrentKey() + "@" + ts);
            }
        };
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .event(new Ev("a", 10), 0).event(new Ev("b", 10), 0).event(new Ev("a", -10), 0).watermark(50);
        assertThat(run(script, f)).containsExactly("b@10");
    }

    /** A key that is a Long is held by value in the timer queue; other keys as objects: both in one operator. */
    @Test
    void longKeysAndOtherKeysInOneOperatorFireWithTheirOwnKeyTypeAndState() {
        record Mixed(Object key, long timer) {}
        KeyedProcessFunction<Object, Mixed, String> f = new KeyedProcessFunction<>() {
            private ValueState<Integer> count;

            @Override
            public void open(RuntimeContext rc) {
                count = rc.getState(new ValueStateDescriptor<>("count", Integer.class));
            }

            @Override
            public void processElement(Mixed m, Context ctx, Collector<String> out) {
                count.update(count.value() == null ? 1 : count.value() + 1);
                ctx.timerService().registerEventTimeTimer(m.timer());
            }

            @Override
            public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
                Object key = ctx.getCurrentKey();
                out.collect(key.getClass().getSimpleName() + " " + key + "@" + ts + " count=" + count.value());
                count.clear();
            }
        };
        ScriptedSource<Mixed> script = ScriptedSource.<Mixed>create()
            .event(new Mixed(Long.valueOf(5_000), 20), 1)
            .event(new Mixed(5_000, 20), 2)                  // an Integer equal in value and hash code
            .event(new Mixed("5000", 10), 3)
            .event(new Mixed(Long.valueOf(5_000), 20), 4)    // another box of the same Long: one timer, count 2
            .event(new Mixed(Long.valueOf(5_000), 10), 5)
            .watermark(15)
            .watermark(25);
        StreamEnvironment env = StreamEnvironment.create(new ManualClock());
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "script")
            .keyBy(Mixed::key).process(f).executeAndCollect();
        assertThat(out).containsExactly(
            "String 5000@10 count=1",
            "Long 5000@10 count=3",
            "Long 5000@20 count=null",
            "Integer 5000@20 count=1");
    }

    @Test
    void processingTimeTimersFireWhenClockAdvancesAndPendingOnesAtEndOfInput() {
        KeyedProcessFunction<String, Ev, String> f = new KeyedProcessFunction<>() {
            @Override
            public void processElement(Ev ev, Context ctx, Collector<String> out) {
                ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + ev.value());
            }

            @Override
            public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
                out.collect(ctx.getCurrentKey() + "@" + ts + " now=" + ctx.timerService().currentProcessingTime() + " " + ctx.timeDomain());
            }
        };
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .advanceProcessingTimeTo(1_000)
            .event(new Ev("a", 100), 0)      // timer at 1100
            .event(new Ev("b", 5_000), 0)    // timer at 6000, pending at end of input
            .advanceProcessingTimeTo(1_099)
            .event(new Ev("c", 1), 0)        // timer at 1100 for c
            .advanceProcessingTimeTo(1_100);
        assertThat(run(script, f)).containsExactly(
            "a@1100 now=1100 PROCESSING_TIME",
            "c@1100 now=1100 PROCESSING_TIME",
            "b@6000 now=1100 PROCESSING_TIME");
    }

    @Test
    void valueStateIsScopedToTheKey() {
        KeyedProcessFunction<String, Ev, String> counter = new KeyedProcessFunction<>() {
            private ValueState<Integer> count;

            @Override
            public void open(RuntimeContext rc) {
                count = rc.getState(new ValueStateDescriptor<>("count", Integer.class));
            }

            @Override
            public void processElement(Ev ev, Context ctx, Collector<String> out) {
                Integer c = count.value();
                int next = c == null ? 1 : c + 1;
                count.update(next);
                out.collect(ev.key() + "=" + next);
            }
        };
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .event(new Ev("a", 0), 1).event(new Ev("b", 0), 2).event(new Ev("a", 0), 3);
        assertThat(run(script, counter)).containsExactly("a=1", "b=1", "a=2");
    }

    @Test
    void sideOutputFromKeyedProcessFunctionKeepsTimestamp() {
        OutputTag<String> tag = OutputTag.of("big", String.class);
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> main = env.fromSource(ScriptedSource.<Ev>create().event(new Ev("a", 5), 10).event(new Ev("a", 500), 20),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key)
            .process(new KeyedProcessFunction<String, Ev, String>() {
                @Override
                public void processElement(Ev ev, Context ctx, Collector<String> out) {
                    if (ev.value() > 100) {
                        ctx.output(tag, "big " + ev.value());
                    } else {
                        out.collect("small " + ev.value());
                    }
                }
            });
        CollectSink<String> side = new CollectSink<>();
        CollectSink<String> mainSink = new CollectSink<>();
        main.getSideOutput(tag).addSink(side);
        main.addSink(mainSink);
        env.execute();
        assertThat(mainSink.timestamped()).extracting(Object::toString).containsExactly("small 5@10");
        assertThat(side.timestamped()).extracting(Object::toString).containsExactly("big 500@20");
    }
}
