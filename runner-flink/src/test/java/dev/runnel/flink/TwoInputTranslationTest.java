package dev.runnel.flink;

import static dev.runnel.flink.Scripts.collect;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.CoMapFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connected and broadcast streams on Flink. Which input's record arrives first is up to timing on
 * either engine, so the functions here decide at event-time timers, when both inputs' watermarks
 * have passed, and look only at records up to the timer: the output depends on the input alone.
 */
class TwoInputTranslationTest {
    private static final MapStateDescriptor<Long, Integer> RULES = new MapStateDescriptor<>("rules", Long.class, Integer.class);

    private static DataStream<Ev> stream(StreamEnvironment env, String name, int n, int step, int offset) {
        ScriptedSource<Ev> source = ScriptedSource.create();
        for (int i = 0; i < n; i++) {
            long ts = (long) i * step + offset;
            source.event(new Ev(i % 2 == 0 ? "a" : "b", ts, i + offset), ts);
            source.watermark(ts - 1);
        }
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), name);
    }

    @Test
    void coMapAndKeyedCoProcessWithTimers() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> left = stream(env, "left", 30, 1000, 0);
            DataStream<Ev> right = stream(env, "right", 20, 1500, 7);
            collect(sinks, "co-map", left.connect(right).map(new CoMapFunction<Ev, Ev, String>() {
                @Override
                public String map1(Ev value) {
                    return "left " + value;
                }

                @Override
                public String map2(Ev value) {
                    return "right " + value;
                }
            }));
            collect(sinks, "joined", left.connect(right).keyBy(Ev::key, Ev::key).process(new CountBoth()));
            return sinks;
        }, 1, 2);
    }

    @Test
    void keyedBroadcastProcessReadsRulesAtItsTimers() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> events = stream(env, "events", 30, 1000, 0);
            DataStream<Ev> rules = stream(env, "rules", 5, 6000, 500);
            collect(sinks, "judged", events.keyBy(Ev::key).connect(rules.broadcast(RULES)).process(new Judge()));
            return sinks;
        }, 1, 2);
    }

    /** At each left event's time + 2 s: how many left and right events of the key were up to then. */
    static final class CountBoth extends KeyedCoProcessFunction<String, Ev, Ev, String> {
        private transient ListState<Long> lefts;
        private transient ListState<Long> rights;

        @Override
        public void open(RuntimeContext ctx) {
            lefts = ctx.getListState(new ListStateDescriptor<>("lefts", Long.class));
            rights = ctx.getListState(new ListStateDescriptor<>("rights", Long.class));
        }

        @Override
        public void processElement1(Ev value, Context ctx, Collector<String> out) {
            lefts.add(value.ts());
            ctx.timerService().registerEventTimeTimer(value.ts() + 2000);
        }

        @Override
        public void processElement2(Ev value, Context ctx, Collector<String> out) {
            rights.add(value.ts());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + " at " + timestamp + ": left=" + upTo(lefts.get(), timestamp) + " right="
                + upTo(rights.get(), timestamp));
        }
    }

    /** Each event judged, at its time + 1 s, by the latest rule dated before it. */
    static final class Judge extends KeyedBroadcastProcessFunction<String, Ev, Ev, String> {
        private transient ListState<Ev> pending;

        @Override
        public void open(RuntimeContext ctx) {
            pending = ctx.getListState(new ListStateDescriptor<>("pending", Ev.class));
        }

        @Override
        public void processElement(Ev value, ReadOnlyContext ctx, Collector<String> out) {
            pending.add(value);
            ctx.timerService().registerEventTimeTimer(value.ts() + 1000);
        }

        @Override
        public void processBroadcastElement(Ev rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.ts(), rule.value());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            List<Ev> keep = new ArrayList<>();
            for (Ev e : pending.get()) {
                if (e.ts() + 1000 != timestamp) {
                    keep.add(e);
                    continue;
                }
                long latest = Long.MIN_VALUE;
                Integer threshold = null;
                for (Map.Entry<Long, Integer> rule : ctx.getBroadcastState(RULES).immutableEntries()) {
                    if (rule.getKey() < e.ts() && rule.getKey() > latest) {
                        latest = rule.getKey();
                        threshold = rule.getValue();
                    }
                }
                out.collect(e + (threshold == null ? " no rule" : e.value() > threshold ? " above " + threshold : " within " + threshold));
            }
            pending.update(keep);
        }
    }

    private static long upTo(Iterable<Long> times, long t) {
        long n = 0;
        for (long x : times) {
            if (x <= t) {
                n++;
            }
        }
        return n;
    }
}
