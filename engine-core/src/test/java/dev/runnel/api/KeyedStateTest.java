package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.source.ScriptedSource;
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
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyedStateTest {

    record Ev(String key, String word) {}

    static final class AllStates extends KeyedProcessFunction<String, Ev, String> {
        private ListState<String> words;
        private MapState<String, Integer> counts;
        private ReducingState<String> longest;
        private AggregatingState<String, Integer> totalLength;

        @Override
        public void open(RuntimeContext rc) {
            words = rc.getListState(new ListStateDescriptor<>("words", String.class));
            counts = rc.getMapState(new MapStateDescriptor<>("counts", String.class, Integer.class));
            longest = rc.getReducingState(new ReducingStateDescriptor<>("longest", (a, b) -> b.length() > a.length() ? b : a, String.class));
            totalLength = rc.getAggregatingState(new AggregatingStateDescriptor<>("len", new AggregateFunction<String, int[], Integer>() {
                public int[] createAccumulator() {
                    return new int[1];
                }

                public int[] add(String v, int[] acc) {
                    acc[0] += v.length();
                    return acc;
                }

                public Integer getResult(int[] acc) {
                    return acc[0];
                }

                public int[] merge(int[] a, int[] b) {
                    a[0] += b[0];
                    return a;
                }
            }, int[].class));
        }

        @Override
        public void processElement(Ev ev, Context ctx, Collector<String> out) {
            if (ev.word().equals("CLEAR")) {
                words.clear();
                counts.clear();
                longest.clear();
                totalLength.clear();
                out.collect(ev.key() + " cleared: " + words.get().iterator().hasNext() + " " + counts.isEmpty() + " "
                    + longest.get() + " " + totalLength.get());
                return;
            }
            words.add(ev.word());
            Integer c = counts.get(ev.word());
            counts.put(ev.word(), c == null ? 1 : c + 1);
            longest.add(ev.word());
            totalLength.add(ev.word());
            List<String> ws = new ArrayList<>();
            words.get().forEach(ws::add);
            TreeMap<String, Integer> cs = new TreeMap<>();
            counts.entries().forEach(e -> cs.put(e.getKey(), e.getValue()));
            out.collect(ev.key() + " " + ws + " " + cs + " " + longest.get() + " " + totalLength.get());
        }
    }

    @Test
    void listMapReducingAndAggregatingStatePerKey() {
        StreamEnvironment env = StreamEnvironment.create();
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .event(new Ev("k1", "a"), 1).event(new Ev("k2", "zz"), 2).event(new Ev("k1", "bbb"), 3)
            .event(new Ev("k1", "a"), 4).event(new Ev("k1", "CLEAR"), 5).event(new Ev("k1", "c"), 6);
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).process(new AllStates()).executeAndCollect();
        assertThat(out).containsExactly(
            "k1 [a] {a=1} a 1",
            "k2 [zz] {zz=1} zz 2",
            "k1 [a, bbb] {a=1, bbb=1} bbb 4",
            "k1 [a, bbb, a] {a=2, bbb=1} bbb 5",
            "k1 cleared: false true null null",
            "k1 [c] {c=1} c 1");
    }

    @Test
    void expiredStateIsNeverReturned() {
        ManualClock clock = new ManualClock(0);
        StreamEnvironment env = StreamEnvironment.create(clock);
        KeyedProcessFunction<String, Ev, String> f = new KeyedProcessFunction<>() {
            private ValueState<String> last;

            @Override
            public void open(RuntimeContext rc) {
                ValueStateDescriptor<String> d = new ValueStateDescriptor<>("last", String.class);
                d.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(10)).build());
                last = rc.getState(d);
            }

            @Override
            public void processElement(Ev ev, Context ctx, Collector<String> out) {
                out.collect(ev.word() + " after " + last.value());
                last.update(ev.word());
            }
        };
        ScriptedSource<Ev> script = ScriptedSource.<Ev>create()
            .event(new Ev("k", "one"), 0)
            .advanceProcessingTimeTo(9_999)
            .event(new Ev("k", "two"), 0)     // written at 9 999
            .advanceProcessingTimeTo(19_999)  // exactly 10 s later: expired
            .event(new Ev("k", "three"), 0);
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).process(f).executeAndCollect();
        assertThat(out).containsExactly("one after null", "two after one", "three after null");
    }
}
