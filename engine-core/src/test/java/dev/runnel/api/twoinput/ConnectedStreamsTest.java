package dev.runnel.api.twoinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.CoFlatMapFunction;
import dev.runnel.api.functions.CoMapFunction;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedStreamsTest {

    @Test
    void coMapTurnsTwoTypesIntoOne() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Integer> numbers = env.fromElements(1, 2);
        DataStream<String> words = env.fromElements("a", "b");
        List<String> out = new ArrayList<>(numbers.connect(words).map(new CoMapFunction<Integer, String, String>() {
            @Override
            public String map1(Integer value) {
                return "n" + value;
            }

            @Override
            public String map2(String value) {
                return "w" + value;
            }
        }).executeAndCollect());
        assertThat(out).containsExactlyInAnyOrder("n1", "n2", "wa", "wb");
    }

    @Test
    void coFlatMapMayEmitManyOrNone() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromElements(3).connect(env.fromElements("skip", "x"))
            .flatMap(new CoFlatMapFunction<Integer, String, String>() {
                @Override
                public void flatMap1(Integer value, Collector<String> out) {
                    for (int i = 0; i < value; i++) {
                        out.collect("n" + i);
                    }
                }

                @Override
                public void flatMap2(String value, Collector<String> out) {
                    if (!value.equals("skip")) {
                        out.collect(value);
                    }
                }
            }).executeAndCollect();
        assertThat(out).containsExactlyInAnyOrder("n0", "n1", "n2", "x");
    }

    /** Reports each element with the watermark the operator had, and keyed timers as they fire. */
    static final class WatermarkProbe extends KeyedCoProcessFunction<String, String, String, String> {
        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            out.collect(value + " wm=" + wm(ctx.timerService().currentWatermark()));
            ctx.timerService().registerEventTimeTimer(60);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            out.collect(value + " wm=" + wm(ctx.timerService().currentWatermark()));
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("timer@" + timestamp + " key=" + ctx.getCurrentKey());
        }

        private static String wm(long w) {
            return w == Long.MIN_VALUE ? "none" : Long.toString(w);
        }
    }

    @Test
    void watermarkIsTheMinimumOfBothInputs() {
        StreamEnvironment env = StreamEnvironment.create();
        // the first source runs to its end before the second starts: its watermark 100 must not pass
        // the second input's, which is still at nothing, then 30
        DataStream<String> first = env.fromSource(ScriptedSource.<String>create().event("a", 10).watermark(100),
            WatermarkStrategy.noWatermarks(), "first");
        DataStream<String> second = env.fromSource(ScriptedSource.<String>create().watermark(30).event("b", 40).watermark(200),
            WatermarkStrategy.noWatermarks(), "second");
        List<String> out = first.connect(second).keyBy(v -> "k", v -> "k").process(new WatermarkProbe()).executeAndCollect();
        assertThat(out).containsExactly("a wm=none", "b wm=30", "timer@60 key=k");
    }

    /** Input 1 sets a per-key limit, input 2 checks amounts against it: state shared by both inputs. */
    static final class LimitCheck extends KeyedCoProcessFunction<String, String[], String[], String> {
        private transient ValueState<Integer> limit;

        @Override
        public void open(RuntimeContext context) {
            limit = context.getState(new ValueStateDescriptor<>("limit", Integer.class));
        }

        @Override
        public void processElement1(String[] rule, Context ctx, Collector<String> out) throws Exception {
            limit.update(Integer.parseInt(rule[1]));
        }

        @Override
        public void processElement2(String[] tx, Context ctx, Collector<String> out) throws Exception {
            Integer l = limit.value();
            if (l != null && Integer.parseInt(tx[1]) > l) {
                out.collect(ctx.getCurrentKey() + " " + tx[1] + ">" + l);
            }
        }
    }

    private static List<String> limits(int parallelism) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        List<String[]> rules = new ArrayList<>();
        List<String[]> txs = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            rules.add(new String[] {"acct" + k, Integer.toString(100 + k)});
            txs.add(new String[] {"acct" + k, Integer.toString(100 + 2 * k)});
            txs.add(new String[] {"acct" + k, "50"});
        }
        DataStream<String[]> ruleStream = env.fromCollection(rules);
        DataStream<String[]> txStream = env.fromCollection(txs);
        List<String> out = new ArrayList<>(ruleStream.keyBy(r -> r[0]).connect(txStream.keyBy(t -> t[0]))
            .process(new LimitCheck()).executeAndCollect());
        out.sort(null);
        return out;
    }

    @Test
    void keyedInputsShareStateAtAnyParallelism() {
        List<String> expected = new ArrayList<>();
        for (int k = 1; k < 20; k++) {
            expected.add("acct" + k + " " + (100 + 2 * k) + ">" + (100 + k));
        }
        expected.sort(null);
        assertThat(limits(1)).isEqualTo(expected);
        assertThat(limits(2)).isEqualTo(expected);
        assertThat(limits(4)).isEqualTo(expected);
    }

    @Test
    void timersNeedKeyedInputs() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> out = env.fromElements("a").connect(env.fromElements("b")).process(new CoProcessFunction<String, String, String>() {
            @Override
            public void processElement1(String value, Context ctx, Collector<String> out) {
                ctx.timerService().registerEventTimeTimer(5);
            }

            @Override
            public void processElement2(String value, Context ctx, Collector<String> out) {}
        });
        assertThatThrownBy(out::executeAndCollect).hasStackTraceContaining("Setting timers is only supported on keyed streams");
    }

    @Test
    void keyedCoProcessOnUnkeyedInputsIsRefusedWhenBuilt() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThatThrownBy(() -> env.fromElements("a").connect(env.fromElements("b")).process(new WatermarkProbe()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("keyBy(key1, key2)");
    }
}
