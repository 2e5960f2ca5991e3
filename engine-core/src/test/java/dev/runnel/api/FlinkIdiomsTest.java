package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flink's spellings a ported program uses, accepted as they are. */
class FlinkIdiomsTest {

    @Test
    void anonymousOutputTagSubclassIsASideOutputWithItsType() {
        OutputTag<String> odd = new OutputTag<String>("odd") {};
        assertThat(odd.getType()).isEqualTo(String.class);
        assertThat(odd).isEqualTo(OutputTag.of("odd", String.class));

        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        DataStream<Integer> evens = env.fromData(1, 2, 3, 4).process(new ProcessFunction<Integer, Integer>() {
            @Override
            public void processElement(Integer v, Context ctx, Collector<Integer> out) {
                if (v % 2 == 0) {
                    out.collect(v);
                } else {
                    ctx.output(odd, "odd " + v);
                }
            }
        });
        dev.runnel.api.sink.CollectSink<String> odds = new dev.runnel.api.sink.CollectSink<>();
        evens.getSideOutput(odd).addSink(odds);
        List<Integer> out = evens.executeAndCollect();
        assertThat(out).containsExactly(2, 4);
        assertThat(odds.values()).containsExactly("odd 1", "odd 3");
    }

    @Test
    void perOperatorParallelismOverridesTheJobDefault() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment(); // parallelism 1
        List<Integer> input = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            input.add(i);
        }
        SingleOutputStreamOperator<Integer> doubled = env.fromCollection(input).map(i -> i * 2).setParallelism(3).name("double");
        // a rolling sum per key (i % 7) at parallelism 2: each key's last value is its total
        SingleOutputStreamOperator<int[]> sums = doubled.map(i -> new int[] {i % 7, i}).setParallelism(2)
            .keyBy(p -> p[0]).reduce((a, b) -> new int[] {a[0], a[1] + b[1]}).setParallelism(2).uid("sums");
        List<int[]> out = sums.executeAndCollect();
        assertThat(out).hasSize(1000);
        java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
        for (int[] p : out) {
            last.merge(p[0], p[1], Math::max);
        }
        assertThat(last.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(999L * 1000);
    }

    @Test
    void nonParallelOperatorsRefuseAParallelismAboveOne() {
        StreamEnvironment env = StreamEnvironment.create();
        SingleOutputStreamOperator<Integer> all = env.fromData(1, 2)
            .windowAll(dev.runnel.api.windowing.GlobalWindows.create())
            .trigger(dev.runnel.api.windowing.CountTrigger.of(2)).reduce(Integer::sum);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> all.setParallelism(2))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 1");
    }

    /** Collects "value@timestamp wm=watermark" through Flink's sink interface. */
    static final class ContextSink implements dev.runnel.api.functions.SinkFunction<String> {
        static final List<String> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void invoke(String value, Context context) {
            SEEN.add(value + "@" + context.timestamp() + " wm=" + context.currentWatermark());
        }
    }

    @Test
    void sinkFunctionSeesTheRecordTimestampAndTheWatermark() {
        ContextSink.SEEN.clear();
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> in = env.fromSource(dev.runnel.api.source.ScriptedSource.<String>create()
            .event("a", 5).watermark(6).event("b", 10), dev.runnel.api.time.WatermarkStrategy.noWatermarks(), "in");
        in.addSink(new ContextSink());
        in.sinkTo(new dev.runnel.api.sink.DiscardingSink<>()).name("discard");
        env.execute("sinks");
        assertThat(ContextSink.SEEN).containsExactly("a@5 wm=-9223372036854775808", "b@10 wm=6");
    }
}
