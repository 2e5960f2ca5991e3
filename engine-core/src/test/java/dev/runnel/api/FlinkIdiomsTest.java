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
}
