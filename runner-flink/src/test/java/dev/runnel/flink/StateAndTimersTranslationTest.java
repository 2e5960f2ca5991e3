package dev.runnel.flink;

import static dev.runnel.flink.Scripts.collect;
import static dev.runnel.flink.Scripts.events;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.state.AggregatingState;
import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.StateTtlConfig;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Keyed state of every kind, event-time timers, side outputs, map/filter/flatMap/process and union on Flink. */
class StateAndTimersTranslationTest {
    private static final OutputTag<String> BIG = OutputTag.of("big", String.class);

    @Test
    void everyKeyedStateKindTimersAndSideOutputs() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<String> out = events(env, 60).keyBy(Ev::key).process(new AllStates()).name("all-states");
            collect(sinks, "states", out);
            collect(sinks, "big", out.getSideOutput(BIG));
            return sinks;
        }, 1, 2);
    }

    @Test
    void statelessStepsUnionAndRollingReduce() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> evs = events(env, 30);
            DataStream<String> odd = evs.filter(e -> e.value() % 2 == 1).map(e -> "odd " + e);
            DataStream<String> split = evs.flatMap((Ev e, dev.runnel.api.functions.Collector<String> c) -> {
                if (e.value() % 5 == 0) {
                    c.collect("five " + e);
                    c.collect("again " + e);
                }
            });
            collect(sinks, "union", odd.union(split).process(new ProcessFunction<String, String>() {
                @Override
                public void processElement(String value, Context ctx, Collector<String> out) {
                    out.collect(value + " ts=" + ctx.timestamp());
                }
            }));
            collect(sinks, "rolling", evs.keyBy(Ev::key).reduce((a, b) -> new Ev(a.key(), b.ts(), a.value() + b.value())));
            return sinks;
        }, 1, 2);
    }

    /** Uses a value, list, map, reducing and aggregating state per key, and a timer 3 s after each event. */
    static final class AllStates extends KeyedProcessFunction<String, Ev, String> {
        private transient ValueState<Integer> count;
        private transient ListState<Integer> values;
        private transient MapState<Integer, Long> byParity;
        private transient ReducingState<Integer> max;
        private transient AggregatingState<Ev, Double> mean;

        @Override
        public void open(RuntimeContext ctx) {
            ValueStateDescriptor<Integer> countDescriptor = new ValueStateDescriptor<>("count", Integer.class);
            countDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofHours(1)).build()); // never expires here
            count = ctx.getState(countDescriptor);
            values = ctx.getListState(new ListStateDescriptor<>("values", Integer.class));
            byParity = ctx.getMapState(new MapStateDescriptor<>("by-parity", Integer.class, Long.class));
            max = ctx.getReducingState(new ReducingStateDescriptor<>("max", Math::max, Integer.class));
            mean = ctx.getAggregatingState(new AggregatingStateDescriptor<>("mean", new Mean(), double[].class));
        }

        @Override
        public void processElement(Ev e, Context ctx, Collector<String> out) {
            count.update(count.value() == null ? 1 : count.value() + 1);
            values.add(e.value());
            byParity.put(e.value() % 2, (byParity.contains(e.value() % 2) ? byParity.get(e.value() % 2) : 0L) + e.value());
            max.add(e.value());
            mean.add(e);
            ctx.timerService().registerEventTimeTimer(e.ts() + 3000);
            if (e.value() > 50) {
                ctx.output(BIG, ctx.getCurrentKey() + " big " + e.value());
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            List<Integer> list = new ArrayList<>();
            values.get().forEach(list::add);
            Map<Integer, Long> parity = new TreeMap<>();
            byParity.entries().forEach(en -> parity.put(en.getKey(), en.getValue()));
            out.collect(ctx.getCurrentKey() + " " + ctx.timeDomain() + " at " + timestamp + " count=" + count.value() + " values=" + list
                + " parity=" + parity + " max=" + max.get() + " mean=" + mean.get());
            if (list.size() >= 6) {
                values.clear();
                byParity.remove(0);
            }
        }
    }

    static final class Mean implements AggregateFunction<Ev, double[], Double> {
        @Override
        public double[] createAccumulator() {
            return new double[2];
        }

        @Override
        public double[] add(Ev value, double[] acc) {
            acc[0] += value.value();
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(double[] acc) {
            return acc[1] == 0 ? 0 : acc[0] / acc[1];
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            return new double[] {a[0] + b[0], a[1] + b[1]};
        }
    }
}
