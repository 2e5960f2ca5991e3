package dev.runnel.cep;

import static dev.runnel.cep.CepTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CepTestSupport.Keyed;
import dev.runnel.cep.pattern.Pattern;
import org.junit.jupiter.api.Test;

/** Keyed matching: each key is matched on its own, also across parallel subtasks. */
class KeyedParallelTest {
    @Test
    void eachKeyIsMatchedSeparatelyAtParallelismTwo() {
        ScriptedSource<Keyed> script = ScriptedSource.create();
        String[] keys = {"x", "y", "z", "w"};
        long ts = 0;
        for (String k : keys) {
            script.event(new Keyed(k, 1, "a", 0), ++ts);
        }
        for (String k : keys) {
            script.event(new Keyed(k, 2, "b", 0), ++ts);
        }
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(2);
        CollectSink<String> out = new CollectSink<>();
        CEP.pattern(env.fromSource(script, WatermarkStrategy.noWatermarks(), "events").keyBy(Keyed::key),
                Pattern.<Keyed>begin("a").where(e -> e.name().equals("a")).next("b").where(e -> e.name().equals("b")))
            .process(new CepTestSupport.Formatter<>(true)).addSink(out);
        env.execute("parallel");
        // interleaved keys: "next" holds per key, so every key matches its own a and b
        assertThat(out.values()).containsExactlyInAnyOrder(
            "a=[x:1] b=[x:2] @5", "a=[y:1] b=[y:2] @6", "a=[z:1] b=[z:2] @7", "a=[w:1] b=[w:2] @8");
    }
}
