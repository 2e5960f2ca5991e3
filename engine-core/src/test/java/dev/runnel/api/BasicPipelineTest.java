package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class BasicPipelineTest {

    @Test
    void mapFilterFlatMapRunInOrder() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromElements(1, 2, 3, 4, 5)
            .map(i -> i * 10)
            .filter(i -> i != 30)
            .flatMap((Integer i, Collector<String> c) -> {
                c.collect("a" + i);
                c.collect("b" + i);
            })
            .executeAndCollect();
        assertThat(out).containsExactly("a10", "b10", "a20", "b20", "a40", "b40", "a50", "b50");
    }

    @Test
    void unionCarriesBothInputs() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> a = env.fromElements("a1", "a2");
        DataStream<String> b = env.fromElements("b1");
        List<String> out = a.union(b).executeAndCollect();
        assertThat(out).containsExactlyInAnyOrder("a1", "a2", "b1");
    }

    @Test
    void sideOutputOfProcessFunctionIsSeparateStream() {
        StreamEnvironment env = StreamEnvironment.create();
        OutputTag<String> odd = OutputTag.of("odd", String.class);
        DataStream<Integer> main = env.fromElements(1, 2, 3, 4).process(new ProcessFunction<Integer, Integer>() {
            @Override
            public void processElement(Integer v, Context ctx, Collector<Integer> out) {
                if (v % 2 == 0) {
                    out.collect(v);
                } else {
                    ctx.output(odd, "odd:" + v);
                }
            }
        });
        CollectSink<String> sideSink = new CollectSink<>();
        main.getSideOutput(odd).addSink(sideSink);
        CollectSink<Integer> mainSink = new CollectSink<>();
        main.addSink(mainSink);
        env.execute("side");
        assertThat(mainSink.values()).containsExactly(2, 4);
        assertThat(sideSink.values()).containsExactly("odd:1", "odd:3");
    }

    @Test
    void timestampsTravelWithRecords() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(ScriptedSource.<String>create().event("x", 100).event("y", 50), WatermarkStrategy.noWatermarks(), "script")
            .map(s -> s + "!")
            .addSink(sink);
        env.execute();
        assertThat(sink.timestamped()).extracting(Object::toString).containsExactly("x!@100", "y!@50");
    }

    @Test
    void timestampAssignerOverridesSourceTimestamp() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(ScriptedSource.<Long>create().event(7L).event(9L),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v * 1000), "script")
            .addSink(sink);
        env.execute();
        assertThat(sink.timestamped()).extracting(CollectSink.Timestamped::timestamp).containsExactly(7000L, 9000L);
    }

    @Test
    void jobResultCountsRecordsPerOperator() {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromElements(1, 2, 3).name("numbers").filter(i -> i > 1).name("big").addSink(v -> {}).name("sink");
        JobResult result = env.execute("counts");
        assertThat(result.recordsIn("numbers")).isEqualTo(3);
        assertThat(result.recordsIn("big")).isEqualTo(3);
        assertThat(result.recordsOut("big")).isEqualTo(2);
        assertThat(result.recordsIn("sink")).isEqualTo(2);
        assertThat(result.operator("sink").get(0).currentWatermark).isEqualTo(Long.MAX_VALUE);
        assertThat(result.describe()).contains("big#0 in=3 out=2");
    }
}
